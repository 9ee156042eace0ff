// The one table `npm run bench` prints and writes into docs/BENCHMARKS.md.
import fs from "node:fs";
import type { LoadResult } from "./load";
import type { ReadResult } from "./reads";

export type Row = { name: string; result: LoadResult; versus?: { of: "ceiling" | "limit"; target: number } };

export type Reads = { database: string; results: ReadResult[]; ingestDuringReads: LoadResult };

export type Report = { date: string; settings: string; rows: Row[]; reads: Reads[]; readTargetMs: number };

const fixed = (n: number, digits = 0) => n.toFixed(digits);

export function renderReport(report: Report): string {
  const limit = report.rows.find((row) => row.name.startsWith("baseline"))!.result.itemsPerSec;
  const ceiling = report.rows.find((row) => row.name.startsWith("ceiling"))!.result.itemsPerSec;
  const lines = [
    `${report.settings}`,
    "",
    "| scenario | req/s | checkpoints/s | × ceiling | × limit | target | p50 ms | p99 ms | non-2xx |",
    "| --- | ---: | ---: | ---: | ---: | --- | ---: | ---: | ---: |",
    ...report.rows.map(({ name, result, versus }) => {
      const ratio = versus ? result.itemsPerSec / (versus.of === "ceiling" ? ceiling : limit) : null;
      const target = versus ? `≥ ${fixed(versus.target, 2)}× ${versus.of} ${ratio! >= versus.target ? "✓" : "✗"}` : "";
      return `| ${name} | ${fixed(result.requestsPerSec)} | ${fixed(result.itemsPerSec)} | ${fixed(result.itemsPerSec / ceiling, 2)}× | ${fixed(result.itemsPerSec / limit, 2)}× | ${target} | ${fixed(result.p50Ms)} | ${fixed(result.p99Ms)} | ${result.non2xx + result.errors} |`;
    }),
    ...report.reads.flatMap(({ database, results, ingestDuringReads }) => [
      "",
      `Reads on a 100,000-checkpoint task on ${database} while single-checkpoint ingest runs (${fixed(ingestDuringReads.itemsPerSec)} checkpoints/s, ${ingestDuringReads.non2xx + ingestDuringReads.errors} non-2xx):`,
      "",
      `| read | p50 ms | p99 ms | max ms | target | non-2xx |`,
      "| --- | ---: | ---: | ---: | --- | ---: |",
      ...results.map((r) => `| ${r.path} | ${fixed(r.p50Ms, 1)} | ${fixed(r.p99Ms, 1)} | ${fixed(r.maxMs, 1)} | p50 < ${report.readTargetMs} ms ${r.p50Ms < report.readTargetMs ? "✓" : "✗"} | ${r.non2xx} |`),
    ]),
  ];
  return lines.join("\n");
}

const START = "<!-- bench:latest -->";
const END = "<!-- /bench:latest -->";

/** Replaces the latest-run section of docs/BENCHMARKS.md (between its markers) with this run. */
export function writeReport(file: string, report: Report): void {
  const doc = fs.readFileSync(file, "utf8");
  const section = `${START}\n## Latest run: ${report.date}\n\n${renderReport(report)}\n${END}`;
  const from = doc.indexOf(START);
  const to = doc.indexOf(END);
  const next = from >= 0 && to > from ? `${doc.slice(0, from)}${section}${doc.slice(to + END.length)}` : `${doc.trimEnd()}\n\n${section}\n`;
  fs.writeFileSync(file, next);
}
