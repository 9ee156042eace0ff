// Where the CLI reads documents from and writes results to.
import fs from "node:fs";
import { usageError } from "@/cli/exit";

/** `FILE`, `-` or nothing (stdin). */
export async function readDocument(file: string | undefined): Promise<string> {
  if (file === undefined || file === "-") return readStdin();
  try {
    return fs.readFileSync(file, "utf8");
  } catch (error) {
    throw usageError(`Cannot read ${file}: ${(error as Error).message}`);
  }
}

export async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) return "";
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

export function printLine(text = ""): void {
  process.stdout.write(`${text}\n`);
}

export function warn(text: string): void {
  process.stderr.write(`baton: ${text}\n`);
}
