#!/usr/bin/env node
// The `baton` executable: runs the TypeScript CLI through tsx, with this repository's tsconfig (the `@/` alias),
// from wherever it is called (npm link puts it on PATH for other repositories).
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { register } from "tsx/esm/api";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
register({ tsconfig: path.join(root, "tsconfig.json") });
await import(pathToFileURL(path.join(root, "cli", "main.ts")).href);
