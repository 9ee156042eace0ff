// The one way Baton renders agent-written markdown: GFM, raw HTML shown as the text it is,
// then rehype-sanitize (no script, no event handler, no javascript: URL ever reaches the DOM),
// then task-list checkboxes named after their items.
import type { ComponentProps } from "react";
import ReactMarkdown from "react-markdown";
import rehypeSanitize from "rehype-sanitize";
import remarkGfm from "remark-gfm";
import { rehypeLabelTaskCheckboxes, type HastNode } from "@/lib/markdown/label-task-checkboxes";

/** An agent writing `<script>` should see `<script>` on the page, not a silent hole. */
function rehypeRawAsText() {
  const visit = (node: HastNode) => {
    node.children?.forEach((child, index) => {
      if (child.type === "raw") node.children![index] = { type: "text", value: child.value ?? "" };
      else visit(child);
    });
  };
  return visit;
}

// Scrollable code blocks take keyboard focus so they can be scrolled without a mouse.
const components = { pre: (props: ComponentProps<"pre">) => <pre tabIndex={0} {...props} /> };

export function Markdown({ children }: { children: string }) {
  return (
    <div className="prose-baton text-sm leading-relaxed break-words text-zinc-700 dark:text-zinc-300">
      <ReactMarkdown remarkPlugins={[remarkGfm]} rehypePlugins={[rehypeRawAsText, rehypeSanitize, rehypeLabelTaskCheckboxes]} components={components}>
        {children}
      </ReactMarkdown>
    </div>
  );
}
