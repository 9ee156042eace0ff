// Decides whether the Next build is current: a hash of everything the build reads.
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

const SOURCE_DIRS = ["app", "components", "lib", "generated", "public"];
const SOURCE_FILES = ["package-lock.json", "next.config.js", "postcss.config.mjs", "tsconfig.json"];

export function sourceHash(root: string): string {
  const hash = createHash("sha256");
  const visit = (file: string) => {
    const stat = fs.statSync(file, { throwIfNoEntry: false });
    if (!stat) return;
    if (stat.isDirectory()) {
      for (const entry of fs.readdirSync(file).sort()) visit(path.join(file, entry));
      return;
    }
    hash.update(path.relative(root, file));
    hash.update(fs.readFileSync(file));
  };
  for (const entry of [...SOURCE_DIRS, ...SOURCE_FILES]) visit(path.join(root, entry));
  return hash.digest("hex");
}

export function distDir(root: string): string {
  return path.join(root, process.env.BATON_DIST_DIR || ".next");
}

const stampFile = (root: string) => path.join(distDir(root), "baton-source-hash");

export function buildIsCurrent(root: string): boolean {
  const dir = distDir(root);
  if (!fs.existsSync(path.join(dir, "BUILD_ID"))) return false;
  const stamp = fs.existsSync(stampFile(root)) ? fs.readFileSync(stampFile(root), "utf8") : "";
  return stamp === sourceHash(root);
}

export function writeBuildStamp(root: string, hash: string): void {
  fs.writeFileSync(stampFile(root), hash);
}
