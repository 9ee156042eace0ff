// Fixtures: the server's baseURL, "an agent with a token" and "a logged-in person".
import { test as base, expect, type Page } from "@playwright/test";
import { client } from "../tests/support/http";

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

let counter = 0;
export function uniqueKey(prefix = "e2e"): string {
  counter += 1;
  return `${prefix}-${Date.now().toString(36)}-${counter}`;
}
