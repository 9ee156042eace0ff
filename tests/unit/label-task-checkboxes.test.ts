import { renderToStaticMarkup } from "react-dom/server";
import { createElement } from "react";
import { describe, expect, it } from "vitest";
import { Markdown } from "@/components/ui/Markdown";

const html = (markdown: string) => renderToStaticMarkup(createElement(Markdown, null, markdown));

describe("task-list checkboxes in rendered markdown", () => {
  it("are named after their item's own text, nested items apart", () => {
    const out = html("- [ ] Migration **applied**\n- [x] Row counts match\n  - [ ] nested check\n");
    expect(out).toContain('<input type="checkbox" disabled="" aria-label="Migration applied"/>');
    expect(out).toContain('<input type="checkbox" disabled="" aria-label="Row counts match" checked=""/>');
    expect(out).toContain('aria-label="nested check"');
  });

  it("are named in loose lists too, and an empty item gets its state as a name", () => {
    const out = html("- [ ] first\n\n- [x]  \n");
    expect(out).toContain('aria-label="first"');
    expect((out.match(/<input/g) ?? []).length).toBe((out.match(/aria-label=/g) ?? []).length);
  });

  it("leave ordinary lists and sanitising alone", () => {
    const out = html('- plain\n- <input type="checkbox" onclick="alert(1)">\n');
    expect(out).not.toContain("aria-label");
    expect(out).not.toContain("<input");
    expect(out).toContain("&lt;input");
  });
});
