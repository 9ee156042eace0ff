import { describe, expect, it } from "vitest";
import { adminToken, api, uniqueKey } from "./context";

type Phase = { key: string; requiresApproval?: boolean; agent?: string; verification?: { name: string; command?: string }[]; completionCriteria?: string[]; rollback?: string };
type Playbook = { key: string; name: string; builtIn: boolean; phases: Phase[] };

const BUILTINS = ["db-migration-backfill", "react-build-pipeline", "split-brain-delivery", "terraform-deploy"];

describe("playbooks", () => {
  it("lists the four built-in playbooks, each phase with criteria, verification commands and rollback", async () => {
    const response = await api<{ items: Playbook[] }>("/api/v1/playbooks");
    expect(response.status).toBe(200);
    const builtIns = response.body.items.filter((p) => p.builtIn);
    expect(builtIns.map((p) => p.key).sort()).toEqual(BUILTINS);
    for (const playbook of builtIns) {
      for (const phase of playbook.phases) {
        expect(phase.completionCriteria?.length, `${playbook.key}/${phase.key}`).toBeGreaterThan(0);
        expect(phase.verification?.some((step) => step.command), `${playbook.key}/${phase.key}`).toBe(true);
        expect(phase.rollback, `${playbook.key}/${phase.key}`).toBeTruthy();
      }
    }
  });

  it("reads one playbook; terraform-deploy gates apply on approval", async () => {
    const response = await api<Playbook>("/api/v1/playbooks/terraform-deploy");
    expect(response.status).toBe(200);
    expect(response.body.phases.map((p) => p.key)).toEqual(["validate", "plan", "apply", "verify"]);
    expect(response.body.phases.find((p) => p.key === "validate")?.verification?.map((s) => s.command)).toEqual([
      "terraform validate",
      "tflint",
      "checkov -d .",
    ]);
    expect(response.body.phases.find((p) => p.key === "apply")).toMatchObject({ requiresApproval: true });
  });

  it("names the lanes of split-brain-delivery infra → app → testing", async () => {
    const response = await api<Playbook>("/api/v1/playbooks/split-brain-delivery");
    expect(response.body.phases.map((p) => [p.key, p.agent])).toEqual([
      ["infra", "infra"],
      ["app", "app"],
      ["testing", "testing"],
    ]);
  });

  it("answers 404 for an unknown playbook", async () => {
    const response = await api("/api/v1/playbooks/no-such-playbook");
    expect(response.status).toBe(404);
    expect(response.headers.get("content-type")).toContain("application/problem+json");
  });

  it("instantiates a playbook's phases on PUT /tasks/{key} with playbook", async () => {
    const key = uniqueKey("tf");
    const response = await api<{ playbook: string; phases: Phase[] }>(`/api/v1/tasks/${key}`, {
      method: "PUT",
      json: { title: "Deploy the VPC", playbook: "terraform-deploy" },
    });
    expect(response.status).toBe(201);
    expect(response.body.playbook).toBe("terraform-deploy");
    expect(response.body.phases.map((p) => p.key)).toEqual(["validate", "plan", "apply", "verify"]);
    expect(response.body.phases.find((p) => p.key === "apply")?.requiresApproval).toBe(true);
    expect(response.body.phases.find((p) => p.key === "plan")?.verification).toEqual([{ name: "terraform plan", command: "terraform plan -out=plan.out" }]);
  });

  it("creates (201) and replaces (200) a custom playbook with an agent or admin token, and tasks use it", async () => {
    const key = uniqueKey("pb");
    const body = { name: "Release", phases: [{ key: "tag", verification: [{ name: "git tag", command: "git tag v1" }] }, { key: "publish", requiresApproval: true }] };
    expect((await api(`/api/v1/playbooks/${key}`, { method: "PUT", json: body })).status).toBe(201);
    const replaced = await api<Playbook>(`/api/v1/playbooks/${key}`, { method: "PUT", token: adminToken, json: { ...body, name: "Release v2" } });
    expect(replaced.status).toBe(200);
    expect(replaced.body).toMatchObject({ key, name: "Release v2", builtIn: false });

    const task = await api<{ phases: Phase[] }>(`/api/v1/tasks/${uniqueKey()}`, { method: "PUT", json: { title: "Ship", playbook: key } });
    expect(task.body.phases.map((p) => [p.key, p.requiresApproval])).toEqual([
      ["tag", false],
      ["publish", true],
    ]);
  });

  it("validates playbook phases with the phase schema (422) and keeps built-ins read-only to agents (403)", async () => {
    const invalid = await api<{ errors: { path: string }[] }>(`/api/v1/playbooks/${uniqueKey("pb")}`, {
      method: "PUT",
      json: { name: "Bad", phases: [{ key: "Not A Slug" }] },
    });
    expect(invalid.status).toBe(422);
    expect(invalid.body.errors.map((e) => e.path)).toContain("phases.0.key");

    const duplicate = await api(`/api/v1/playbooks/${uniqueKey("pb")}`, { method: "PUT", json: { name: "Dup", phases: [{ key: "a" }, { key: "a" }] } });
    expect(duplicate.status).toBe(422);

    const builtIn = await api("/api/v1/playbooks/terraform-deploy", { method: "PUT", json: { name: "Mine", phases: [{ key: "x" }] } });
    expect(builtIn.status).toBe(403);
  });

  it("requires a token", async () => {
    expect((await api("/api/v1/playbooks", { token: null })).status).toBe(401);
  });
});
