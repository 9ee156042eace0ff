// A tiny typed HTTP client for API tests: real requests to the real server.
export type ApiResponse<T = unknown> = { status: number; headers: Headers; body: T; text: string };

export type RequestOptions = {
  method?: string;
  token?: string | null;
  json?: unknown;
  text?: string;
  contentType?: string;
  headers?: Record<string, string>;
};

export function client(baseUrl: string, defaultToken: string) {
  return async function request<T = Record<string, unknown>>(path: string, options: RequestOptions = {}): Promise<ApiResponse<T>> {
    const headers: Record<string, string> = { ...options.headers };
    const token = options.token === undefined ? defaultToken : options.token;
    if (token) headers.authorization = `Bearer ${token}`;
    let body: string | undefined;
    if (options.json !== undefined) {
      body = JSON.stringify(options.json);
      headers["content-type"] = options.contentType ?? "application/json";
    } else if (options.text !== undefined) {
      body = options.text;
      headers["content-type"] = options.contentType ?? "text/plain";
    }
    const response = await fetch(`${baseUrl}${path}`, { method: options.method ?? (body ? "POST" : "GET"), headers, body, redirect: "manual" });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      // not JSON: keep the text
    }
    return { status: response.status, headers: response.headers, body: parsed as T, text };
  };
}
