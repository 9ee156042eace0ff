// Fixtures: the server's baseURL, "an agent with a token" and "a logged-in person".
import fs from "node:fs";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { test as base, expect, type Browser, type Page } from "@playwright/test";
import { client } from "../tests/support/http";
import { invite, type PersonRole } from "../tests/support/person";

type Fixtures = {
  agent: ReturnType<typeof client>;
  personPage: Page;
};

export const test = base.extend<Fixtures>({
  baseURL: async ({}, use) => {
    await use(process.env.BATON_E2E_URL);
  },
  agent: async ({}, use) => {
    await use(client(process.env.BATON_E2E_URL!, process.env.BATON_E2E_AGENT_TOKEN!));
  },
  personPage: async ({ page }, use) => {
    await page.goto(`/login?token=${process.env.BATON_E2E_ADMIN_TOKEN}`);
    await expect(page).toHaveURL(/\/$/);
    await use(page);
  },
});

export { expect };

/**
 * A person in a browser of their own: the owner invites them with `role` through the API, and they open the
 * invite link in a fresh browser context. Close it with `page.context().close()`.
 */
export async function invitedPersonPage(browser: Browser, person: { name: string; role: PersonRole; displayName?: string }): Promise<Page> {
  const { inviteUrl } = await invite(process.env.BATON_E2E_URL!, process.env.BATON_E2E_ADMIN_TOKEN!, person);
  const context = await browser.newContext({ baseURL: process.env.BATON_E2E_URL });
  const page = await context.newPage();
  await page.goto(inviteUrl);
  await expect(page).toHaveURL(/\/$/);
  return page;
}

let counter = 0;
export function uniqueKey(prefix = "e2e"): string {
  counter += 1;
  return `${prefix}-${Date.now().toString(36)}-${counter}`;
}

/**
 * Seeds `count` checkpoints straight into the e2e server's SQLite file in one transaction
 * (thousands in well under a second), one minute apart and ending now, for an existing task.
 */
export async function seedCheckpoints(taskKey: string, count: number, phaseKey: string | null = null): Promise<void> {
  const { default: Database } = await import("better-sqlite3");
  const db = new Database(process.env.BATON_E2E_DATABASE!);
  try {
    db.pragma("busy_timeout = 5000");
    const task = db.prepare(`SELECT id, checkpointSeq FROM "Task" WHERE key = ?`).get(taskKey) as { id: number; checkpointSeq: number };
    const insert = db.prepare(
      `INSERT INTO "Checkpoint" (taskId, seq, phaseKey, summary, body, done, next, progressCurrent, progressTotal, progressUnit, resumeFrom, agent, metrics, createdAt)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'records', ?, 'seeder', ?, ?)`,
    );
    const sqliteTime = (ms: number) => new Date(ms).toISOString().replace("Z", "+00:00");
    const end = Date.now();
    db.transaction(() => {
      for (let i = 1; i <= count; i += 1) {
        const seq = task.checkpointSeq + i;
        const at = end - (count - i) * 60_000;
        insert.run(
          task.id,
          seq,
          phaseKey,
          `Seeded checkpoint ${seq}`,
          i % 10 === 0 ? `Batch **${seq}** committed.` : null,
          JSON.stringify([`rows up to ${seq * 100}`]),
          JSON.stringify([`continue after ${seq * 100}`]),
          seq * 100,
          (task.checkpointSeq + count) * 100,
          `record ${seq * 100}`,
          JSON.stringify({ tokens: seq * 10, recordsPerSec: 1800 + (seq % 50) }),
          sqliteTime(at),
        );
      }
      db.prepare(`UPDATE "Task" SET checkpointSeq = ?, lastActivityAt = ? WHERE id = ?`).run(task.checkpointSeq + count, sqliteTime(end), task.id);
    })();
  } finally {
    db.close();
  }
}

/** Records browser notifications instead of showing them (the permission prompt cannot be clicked headless). */
export async function recordNotifications(page: Page) {
  await page.addInitScript(() => {
    const shown: string[] = [];
    Object.assign(window, { shownNotifications: shown });
    class RecordingNotification {
      static permission = "granted";
      static requestPermission = async () => "granted";
      onclick: (() => void) | null = null;
      constructor(title: string) {
        shown.push(title);
      }
    }
    Object.defineProperty(window, "Notification", { value: RecordingNotification, configurable: true });
  });
}

/** axe on the current page, every rule it runs by default: no violation of any impact. */
export async function expectNoA11yViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const found = results.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 5).map((n) => `${n.target.join(" ")}: ${n.failureSummary?.replace(/\s+/g, " ")}`).join(" | ")}`,
  );
  expect(found, `axe on ${page.url()}`).toEqual([]);
}

const SCREENSHOTS = path.resolve("test-results/screenshots");

/** A full-page capture kept with the test results. */
export async function screenshot(page: Page, name: string) {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  const file = path.join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true, animations: "disabled" });
  console.log(`screenshot: ${file}`);
}
