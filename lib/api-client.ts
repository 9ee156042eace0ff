// Browser fetch for /api/v1: same JSON the agents get; problem+json becomes an ApiError.
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: { type?: string; title?: string; detail?: string },
  ) {
    super(problem.detail ?? problem.title ?? `Request failed with ${status}`);
  }
}

async function request(path: string, init: RequestInit, accept: string): Promise<Response> {
  const response = await fetch(`/api/v1${path}`, {
    ...init,
    credentials: "same-origin",
    headers: { accept, ...(init.body ? { "content-type": "application/json" } : {}), ...init.headers },
  });
  if (!response.ok) {
    const problem = await response.json().catch(() => ({}));
    throw new ApiError(response.status, problem);
  }
  return response;
}

export async function apiFetch<T>(path: string, init: RequestInit = {}): Promise<T> {
  const response = await request(path, init, "application/json");
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

/** For endpoints that answer text, such as the markdown resume brief. */
export async function apiText(path: string, accept = "text/markdown"): Promise<string> {
  return (await request(path, {}, accept)).text();
}
