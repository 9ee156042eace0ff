// `npm test`: typecheck, lint, unit, API (on SQLite, then on PostgreSQL) and end-to-end tests in one command.
// Ends with one "N passed, N failed" line summing every suite; exits non-zero on any failure.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", FORCE_COLOR: process.env.CI ? "0" : "1" };
const reportDir = fs.mkdtempSync(path.join(os.tmpdir(), "baton-test-report-"));
const totals = { passed: 0, failed: 0 };
const failedSteps = [];

function run(name, command, args, extraEnv = {}) {
  console.log(`\n━━ ${name} ━━`);
  const started = Date.now();
  const result = spawnSync(command, args, { stdio: "inherit", env: { ...env, ...extraEnv } });
  const ok = result.status === 0;
  console.log(`── ${name}: ${ok ? "ok" : "FAILED"} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  if (!ok) failedSteps.push(name);
  return ok;
}

function countVitest(file) {
  if (!fs.existsSync(file)) return;
  const report = JSON.parse(fs.readFileSync(file, "utf8"));
  totals.passed += report.numPassedTests ?? 0;
  totals.failed += (report.numFailedTests ?? 0) + (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
}

function countPlaywright(file) {
  if (!fs.existsSync(file)) return;
  const stats = JSON.parse(fs.readFileSync(file, "utf8")).stats ?? {};
  totals.passed += stats.expected ?? 0;
  totals.failed += (stats.unexpected ?? 0) + (stats.flaky ?? 0) + (stats.skipped ?? 0);
}

const bin = (name) => path.join("node_modules", ".bin", name);

if (run("typecheck", bin("tsc"), ["--noEmit"])) totals.passed += 1;
else totals.failed += 1;
if (run("lint", bin("eslint"), [".", "--max-warnings=0"])) totals.passed += 1;
else totals.failed += 1;

const unitReport = path.join(reportDir, "unit.json");
run("unit tests", bin("vitest"), ["run", "--project", "unit", "--reporter=default", "--reporter=json", `--outputFile=${unitReport}`]);
countVitest(unitReport);

const apiReport = path.join(reportDir, "api.json");
run("API tests", bin("vitest"), ["run", "--project", "api", "--reporter=default", "--reporter=json", `--outputFile=${apiReport}`]);
countVitest(apiReport);

// The same API suite once more with every test server on a fresh database of a throwaway PostgreSQL cluster.
const apiPostgresReport = path.join(reportDir, "api-postgresql.json");
run(
  "API tests (PostgreSQL)",
  bin("vitest"),
  ["run", "--project", "api", "--reporter=default", "--reporter=json", `--outputFile=${apiPostgresReport}`],
  { BATON_TEST_DATABASE: "postgresql" },
);
countVitest(apiPostgresReport);

const e2eReport = path.join(reportDir, "e2e.json");
run("end-to-end tests (Chromium)", bin("playwright"), ["test", "--reporter=list,json"], { PLAYWRIGHT_JSON_OUTPUT_NAME: e2eReport });
countPlaywright(e2eReport);

fs.rmSync(reportDir, { recursive: true, force: true });
if (failedSteps.length > 0) console.log(`\nFailed: ${failedSteps.join(", ")}`);
console.log(`\n${totals.passed} passed, ${totals.failed} failed`);
process.exit(failedSteps.length > 0 || totals.failed > 0 ? 1 : 0);
