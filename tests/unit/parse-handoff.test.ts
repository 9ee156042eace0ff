import { describe, expect, it } from "vitest";
import { parseHandoff } from "@/lib/server/handoffs/parse-handoff";
import { GUIDE_HANDOFF } from "../support/guide-examples";

describe("parseHandoff", () => {
  it("parses the guide's split-brain handoff", () => {
    expect(parseHandoff(GUIDE_HANDOFF)).toMatchObject({
      from: "Infrastructure",
      to: "Application",
      complete: [
        "Kubernetes cluster deployed in us-east-1",
        "PostgreSQL database provisioned with connection pooling",
        "Redis cache instance configured",
        "All secrets stored in Vault with rotation policies",
      ],
      needed: [
        "Application should connect using environment variables:\nDATABASE_URL=postgresql://user:pass@cluster:5432/db\nREDIS_URL=redis://cache:6379",
        "Initial schema migration scripts needed",
        "Health check endpoints at /health and /ready",
      ],
      nextSteps: ["Run initial migration", "Seed with base data", "Deploy application pods", "Verify horizontal pod autoscaling"],
    });
  });

  it("treats lines named like Object.prototype members as plain text", () => {
    expect(parseHandoff("### Next Steps\n__proto__\nconstructor\n- hasOwnProperty").nextSteps).toEqual(["__proto__\nconstructor", "hasOwnProperty"]);
  });

  it("accepts `->` in the title, CRLF and no agents at all", () => {
    expect(parseHandoff("Agent Handoff: app -> testing\r\nNext steps:\r\n- run e2e")).toMatchObject({ from: "app", to: "testing", nextSteps: ["run e2e"] });
    const anonymous = parseHandoff("### Next Steps\n1. go");
    expect(anonymous.nextSteps).toEqual(["go"]);
    expect(anonymous.from).toBeUndefined();
    expect(anonymous.to).toBeUndefined();
  });
});
