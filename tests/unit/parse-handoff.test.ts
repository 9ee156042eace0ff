import { describe, expect, it } from "vitest";
import { parseHandoff } from "@/lib/server/handoffs/parse-handoff";
import { GUIDE_HANDOFF, GUIDE_HANDOFF_FIELDS } from "../support/guide-examples";

describe("parseHandoff", () => {
  it("parses the guide's split-brain handoff", () => {
    expect(parseHandoff(GUIDE_HANDOFF)).toMatchObject(GUIDE_HANDOFF_FIELDS);
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
