import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { allOperations, openApiDocument } from "@/lib/openapi/document";

const root = path.resolve(import.meta.dirname, "../..");
const apiDir = path.join(root, "app/api");
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;

function routeFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name.startsWith("[...") ? [] : routeFiles(full);
    return entry.name === "route.ts" ? [full] : [];
  });
}

/** `GET /api/v1/tasks/{key}` for every HTTP method a route file exports. */
function exportedOperations(file: string): string[] {
  const source = fs.readFileSync(file, "utf8");
  const urlPath = "/" + path.relative(root, path.dirname(file)).split(path.sep).slice(1).join("/").replace(/\[(\w+)\]/g, "{$1}");
  return METHODS.filter((method) =>
    new RegExp(`export\\s+(const|async\\s+function|function)\\s+${method}\\b|export\\s*\\{[^}]*\\b(as\\s+)?${method}\\b[^}]*\\}`).test(source),
  ).map((method) => `${method} ${urlPath}`);
}

describe("the OpenAPI document", () => {
  const document = openApiDocument();

  it("is OpenAPI 3.1 with a bearer security scheme", () => {
    expect(document.openapi).toBe("3.1.0");
    expect(document.components.securitySchemes.bearerAuth).toEqual(expect.objectContaining({ type: "http", scheme: "bearer" }));
  });

  it("documents every route exported under app/api (the catch-all excepted)", () => {
    const routes = routeFiles(apiDir).flatMap(exportedOperations);
    expect(routes.length).toBeGreaterThan(10);
    const documented = new Set(Object.entries(document.paths).flatMap(([p, item]) => Object.keys(item).map((m) => `${m.toUpperCase()} ${p}`)));
    const undocumented = routes.filter((r) => !documented.has(r)).sort();
    expect(undocumented, `undocumented: ${undocumented.join(", ")}`).toEqual([]);
  });

  it("documents only routes that exist", () => {
    const routes = new Set(routeFiles(apiDir).flatMap(exportedOperations));
    expect(allOperations.map((o) => `${o.method.toUpperCase()} ${o.path}`).filter((r) => !routes.has(r))).toEqual([]);
  });

  it("has unique operation ids", () => {
    const ids = allOperations.map((o) => o.operationId);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("generates request schemas from the zod input schemas (defaults are optional, path params required)", () => {
    const put = document.paths["/api/v1/tasks/{key}"].put as {
      parameters: { name: string; in: string; required: boolean }[];
      requestBody: { content: Record<string, { schema: { required?: string[]; properties: Record<string, unknown> } }> };
    };
    expect(put.parameters).toContainEqual(expect.objectContaining({ name: "key", in: "path", required: true }));
    const body = put.requestBody.content["application/json"].schema;
    expect(body.required).toEqual(["title"]);
    expect(Object.keys(body.properties)).toEqual(expect.arrayContaining(["title", "playbook", "phases"]));

    const list = document.paths["/api/v1/tasks"].get as { parameters: { name: string; required: boolean }[] };
    expect(list.parameters.find((p) => p.name === "limit")?.required).toBe(false);
  });

  it("offers the text/plain checkpoint note beside JSON", () => {
    const post = document.paths["/api/v1/tasks/{key}/checkpoints"].post as { requestBody: { content: Record<string, unknown> } };
    expect(Object.keys(post.requestBody.content)).toEqual(expect.arrayContaining(["application/json", "text/plain"]));
  });

  it("describes errors as problem+json and never leaves a dangling $ref", () => {
    const text = JSON.stringify(document);
    const refs = [...text.matchAll(/"\$ref":"([^"]+)"/g)].map((m) => m[1]);
    expect(new Set(refs)).toEqual(new Set(["#/components/schemas/Problem"]));
    expect(text).not.toContain('"$schema"');
  });
});
