// Any /api path no route claims: a problem+json 404 instead of an HTML page.
import { AppError } from "@/lib/server/errors";
import { errorResponse } from "@/lib/server/http/problem";

export const dynamic = "force-dynamic";

const notFound = async (request: Request) =>
  errorResponse(new AppError("not-found", `No API endpoint at ${request.method} ${new URL(request.url).pathname}.`));

export { notFound as GET, notFound as POST, notFound as PUT, notFound as PATCH, notFound as DELETE };
