import { ArrowRight } from "lucide-react";

/** "infra → app": who handed work to whom. */
export function AgentRoute({ from, to, small = false }: { from: string; to: string; small?: boolean }) {
  return (
    <>
      <span className={small ? "font-mono text-xs" : "font-mono"}>{from}</span>
      <ArrowRight className={`${small ? "h-3 w-3" : "h-3.5 w-3.5"} text-zinc-400`} aria-label="to" role="img" />
      <span className={small ? "font-mono text-xs" : "font-mono"}>{to}</span>
    </>
  );
}
