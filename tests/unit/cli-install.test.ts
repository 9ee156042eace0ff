import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(__dirname, "../..");
const pkg = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")) as { bin: Record<string, string>; scripts: Record<string, string>; dependencies: Record<string, string> };

describe("installing the baton command", () => {
  it("declares the bin, runs the link step on postinstall, and ships tsx as a runtime dependency", () => {
    expect(pkg.bin).toEqual({ baton: "bin/baton.mjs" });
    expect(pkg.scripts.postinstall).toContain("node scripts/link-bin.mjs");
    expect(pkg.dependencies.tsx).toBeDefined();
    expect(fs.readFileSync(path.join(root, "bin", "baton.mjs"), "utf8").startsWith("#!/usr/bin/env node\n")).toBe(true);
  });

  it("links node_modules/.bin/baton to the package's own bin, executable, in a fresh checkout", () => {
    const checkout = fs.mkdtempSync(path.join(os.tmpdir(), "baton-install-"));
    fs.mkdirSync(path.join(checkout, "scripts"));
    fs.mkdirSync(path.join(checkout, "bin"));
    fs.copyFileSync(path.join(root, "scripts", "link-bin.mjs"), path.join(checkout, "scripts", "link-bin.mjs"));
    fs.writeFileSync(path.join(checkout, "bin", "baton.mjs"), "#!/usr/bin/env node\nconsole.log('baton ran');\n", { mode: 0o644 });
    fs.writeFileSync(path.join(checkout, "package.json"), JSON.stringify({ type: "module", bin: pkg.bin }));
    execFileSync(process.execPath, ["scripts/link-bin.mjs"], { cwd: checkout });
    execFileSync(process.execPath, ["scripts/link-bin.mjs"], { cwd: checkout });
    const link = path.join(checkout, "node_modules", ".bin", "baton");
    expect(fs.readlinkSync(link)).toBe(path.join("..", "..", "bin", "baton.mjs"));
    expect(execFileSync(link, { encoding: "utf8" })).toBe("baton ran\n");
  });
});
