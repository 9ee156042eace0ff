import { handleMcpPost, mcpMethodNotAllowed } from "@/lib/mcp/http";

export const dynamic = "force-dynamic";

export const POST = handleMcpPost;
export const GET = mcpMethodNotAllowed;
export const DELETE = mcpMethodNotAllowed;
