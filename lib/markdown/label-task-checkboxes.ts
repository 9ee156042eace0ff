// remark-gfm renders `- [ ] item` as a bare disabled <input type=checkbox>: an unnamed form control to a screen
// reader (axe: "Form elements must have labels", critical). This rehype plugin names each one after its item's
// own text (nested lists excluded); the checked state is announced by the control itself. Linear in the tree.
export type HastNode = { type: string; tagName?: string; value?: string; properties?: Record<string, unknown>; children?: HastNode[] };

const isElement = (node: HastNode | undefined, tagName: string): node is HastNode => node?.type === "element" && node.tagName === tagName;

/** The item's checkbox: its first element, or the first element of its first paragraph (a loose list). */
function checkboxOf(item: HastNode): HastNode | undefined {
  const first = item.children?.find((child) => child.type === "element");
  const candidate = isElement(first, "p") ? first.children?.find((child) => child.type === "element") : first;
  return isElement(candidate, "input") && candidate.properties?.type === "checkbox" ? candidate : undefined;
}

function collectText(node: HastNode, parts: string[]) {
  for (const child of node.children ?? []) {
    if (child.type === "text") parts.push(child.value ?? "");
    else if (child.type === "element" && child.tagName !== "ul" && child.tagName !== "ol") collectText(child, parts);
  }
}

export function rehypeLabelTaskCheckboxes() {
  const visit = (node: HastNode) => {
    if (isElement(node, "li")) {
      const checkbox = checkboxOf(node);
      if (checkbox) {
        const parts: string[] = [];
        collectText(node, parts);
        const label = parts.join("").replace(/\s+/g, " ").trim();
        checkbox.properties = { ...checkbox.properties, ariaLabel: label || (checkbox.properties?.checked ? "Done" : "To do") };
      }
    }
    node.children?.forEach(visit);
  };
  return visit;
}
