import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { openApiDocument } from "@/lib/openapi/document";
import { allContracts } from "@/lib/contracts";
import type { Contract } from "@/lib/contracts/define";

const root = path.resolve(import.meta.dirname, "../..");
const appDir = path.join(root, "app");
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;

function routeFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name.startsWith("[...") ? [] : routeFiles(full);
    return entry.name === "route.ts" ? [full] : [];
  });
}

const urlPathOf = (file: string) => "/" + path.relative(path.join(root, "app"), path.dirname(file)).split(path.sep).join("/").replace(/\[(\w+)\]/g, "{$1}");

/** `GET /api/v1/tasks/{key}` for every HTTP method a route file exports. */
function exportedOperations(file: string): string[] {
  const source = fs.readFileSync(file, "utf8");
  return METHODS.filter((method) =>
    new RegExp(`export\\s+(const|async\\s+function|function)\\s+${method}\\b|export\\s*\\{[^}]*\\b(as\\s+)?${method}\\b[^}]*\\}`).test(source),
  ).map((method) => `${method} ${urlPathOf(file)}`);
}

/** The contract each exported handler is built from: `export const GET = route(contracts.listTasks, …)`. */
async function handlerContracts(file: string): Promise<{ method: string; contract: Contract | undefined }[]> {
  const source = fs.readFileSync(file, "utf8");
  const modules = new Map([...source.matchAll(/import \* as (\w+) from "(@\/lib\/contracts\/[\w-]+)";/g)].map((m) => [m[1], m[2]]));
  return Promise.all(
    [...source.matchAll(/export const (GET|POST|PUT|PATCH|DELETE) = route\(\s*(\w+)\.(\w+),/g)].map(async ([, method, namespace, name]) => {
      const specifier = modules.get(namespace);
      const contracts: Record<string, Contract> = specifier ? await import(specifier.replace("@/", `${root}/`) + ".ts") : {};
      return { method, contract: contracts[name] };
    }),
  );
}

describe("the OpenAPI document", () => {
  const document = openApiDocument();

  it("is OpenAPI 3.1 with a bearer security scheme", () => {
    expect(document.openapi).toBe("3.1.0");
    expect(document.components.securitySchemes.bearerAuth).toEqual(expect.objectContaining({ type: "http", scheme: "bearer" }));
  });

  it("documents every route exported under app/ (the /api catch-all excepted)", () => {
    const routes = routeFiles(appDir).flatMap(exportedOperations);
    expect(routes.length).toBeGreaterThan(10);
    const documented = new Set(Object.entries(document.paths).flatMap(([p, item]) => Object.keys(item).map((m) => `${m.toUpperCase()} ${p}`)));
    const undocumented = routes.filter((r) => !documented.has(r)).sort();
    expect(undocumented, `undocumented: ${undocumented.join(", ")}`).toEqual([]);
  });

  it("documents only routes that exist", () => {
    const routes = new Set(routeFiles(appDir).flatMap(exportedOperations));
    expect(allContracts.map((o) => `${o.method} ${o.path}`).filter((r) => !routes.has(r))).toEqual([]);
  });

  it("builds every exported handler with route() from the contract of its own method and path", async () => {
    for (const file of routeFiles(appDir)) {
      const handlers = await handlerContracts(file);
      const exported = exportedOperations(file).map((operation) => operation.split(" ")[0]);
      expect(handlers.map((h) => h.method).sort(), `handlers of ${path.relative(root, file)} not built as route(contracts.x, …)`).toEqual(exported.sort());
      for (const { method, contract } of handlers) {
        const where = `${method} in ${path.relative(root, file)}`;
        expect(contract, `${where} names no contract from lib/contracts`).toBeDefined();
        expect(`${contract?.method} ${contract?.path}`, where).toBe(`${method} ${urlPathOf(file)}`);
        expect(allContracts, `${where}: its contract is not listed in lib/contracts/index.ts`).toContain(contract);
      }
    }
  });

  it("describes every answer: a JSON schema or a content type, bodiless only for 202, 204 and redirects", () => {
    for (const contract of allContracts) {
      const responses = Object.entries(contract.responses);
      expect(responses.length + (contract.errors?.length ?? 0), `${contract.operationId} declares no answer`).toBeGreaterThan(0);
      for (const [status, response] of responses) {
        const bodiless = status === "202" || status === "204" || status.startsWith("3");
        expect(Boolean(response?.schema || response?.contentType), `${contract.operationId} ${status}`).toBe(!bodiless);
      }
    }
  });

  it("declares every templated path parameter, and documents problem+json answers on every operation", () => {
    for (const [pathname, item] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(item as Record<string, { parameters: { name: string; in: string }[]; responses: Record<string, { content?: object }> }>)) {
        const declared = operation.parameters.filter((p) => p.in === "path").map((p) => p.name);
        expect(declared.sort(), `${method} ${pathname}`).toEqual([...pathname.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort());
        const contract = allContracts.find((c) => c.path === pathname && c.method.toLowerCase() === method);
        const problems = Object.entries(operation.responses).filter(([status]) => Number(status) >= 400 && !contract?.responses[Number(status)]);
        if (operation.parameters.length > 0 || method !== "get") expect(problems.length, `${method} ${pathname}`).toBeGreaterThan(0);
        for (const [, response] of problems) expect(Object.keys(response.content ?? {})).toEqual(["application/problem+json"]);
      }
    }
  });

  it("has unique operation ids", () => {
    const ids = allContracts.map((o) => o.operationId);
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
