// A tiny typed HTTP client for API tests: real requests to the real server.
import http from "node:http";

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

/**
 * One request over node:http with exactly the headers given, `Host` included (fetch would set its own).
 * The TCP connection always goes to the server's own address; only the header value is forged.
 */
export function rawRequest(
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: string | Buffer } = {},
): Promise<{ status: number; headers: http.IncomingHttpHeaders; text: string }> {
  return new Promise((resolve, reject) => {
    const request = http.request(url, { method: options.method ?? "GET", headers: options.headers }, (response) => {
      let text = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => (text += chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, headers: response.headers, text }));
    });
    request.on("error", reject);
    request.end(options.body);
  });
}
