// The framework ceiling: a bare Next.js route handler that parses the JSON body and answers 201, no database.
export const dynamic = "force-dynamic";

export async function POST(request, { params }) {
  const { key } = await params;
  const body = await request.json();
  return Response.json({ task: key, seq: 1, ...body }, { status: 201 });
}
