// Commander argument parsers: a malformed value is a usage error (exit 2) before anything is sent.
import { InvalidArgumentError } from "commander";

export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

/** `730000/1000000` or `730000`. */
export function parseProgress(value: string): { current: number; total?: number } {
  const match = /^(\d+(?:\.\d+)?)(?:\/(\d+(?:\.\d+)?))?$/.exec(value.trim());
  if (!match) throw new InvalidArgumentError("expected CURRENT/TOTAL, e.g. 730000/1000000");
  return { current: Number(match[1]), ...(match[2] !== undefined && { total: Number(match[2]) }) };
}

/** `name=value` with a finite number, collected into one record. */
export function collectMetric(value: string, previous: Record<string, number> = {}): Record<string, number> {
  const at = value.indexOf("=");
  const name = value.slice(0, at).trim();
  const number = Number(value.slice(at + 1));
  if (at <= 0 || !name || value.slice(at + 1).trim() === "" || !Number.isFinite(number)) {
    throw new InvalidArgumentError("expected name=number, e.g. recordsPerSec=1840");
  }
  return { ...previous, [name]: number };
}

export function parseSeconds(value: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 0) throw new InvalidArgumentError("expected a whole number of seconds");
  return number;
}
