// postinstall: npm links the bins of dependencies into node_modules/.bin, but never the root package's own,
// so a fresh clone gets `node_modules/.bin/baton` (and `npx baton`) from here.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const { bin } = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8"));
const binDir = path.join(root, "node_modules", ".bin");
fs.mkdirSync(binDir, { recursive: true });
for (const [name, target] of Object.entries(bin ?? {})) {
  const link = path.join(binDir, name);
  fs.rmSync(link, { force: true });
  fs.symlinkSync(path.relative(binDir, path.join(root, target)), link);
  fs.chmodSync(path.join(root, target), 0o755);
}
