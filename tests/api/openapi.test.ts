import { describe, expect, it } from "vitest";
import { api } from "./context";

type Document = { openapi: string; paths: Record<string, Record<string, { security: unknown[] }>>; components: { securitySchemes: Record<string, { scheme?: string }> } };

describe("GET /api/openapi.json", () => {
  it("serves the OpenAPI 3.1 document without authentication", async () => {
    const response = await api<Document>("/api/openapi.json", { token: null });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("application/json");
    expect(response.body.openapi).toBe("3.1.0");
    expect(response.body.components.securitySchemes.bearerAuth.scheme).toBe("bearer");
    expect(Object.keys(response.body.paths)).toEqual(
      expect.arrayContaining(["/api/v1/tasks/{key}", "/api/v1/tasks/{key}/brief", "/api/v1/tasks/{key}/progress.json", "/api/v1/events", "/api/v1/playbooks"]),
    );
    expect(response.body.paths["/api/health"].get.security).toEqual([]);
    expect(response.body.paths["/api/v1/tasks/{key}"].put.security).toContainEqual({ bearerAuth: [] });
  });
});
