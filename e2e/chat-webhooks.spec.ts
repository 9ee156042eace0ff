// A person sets up a Slack webhook from the browser, sends a test message to a receiver on loopback, and edits the format.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { expect, expectNoA11yViolations, test, uniqueKey } from "./fixtures";

test("a person picks the Slack format, sends a test message and sees the receiver's answer", async ({ personPage: page }) => {
  const bodies: string[] = [];
  const receiver = http.createServer((request, response) => {
    let body = "";
    request.on("data", (chunk: Buffer) => (body += chunk.toString()));
    request.on("end", () => {
      bodies.push(body);
      response.writeHead(200).end("ok");
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  try {
    const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/${uniqueKey("slack")}`;
    await page.goto("/settings");
    const form = page.getByRole("region", { name: "New webhook" });
    await form.getByLabel("Payload URL").fill(url);
    await form.getByLabel("Format").selectOption("slack");
    await expect(form).toContainText("A readable message with a link to review.");
    await form.getByLabel(/^Secret/).fill("a-long-enough-webhook-secret");
    await form.getByRole("button", { name: "Add webhook" }).click();

    const panel = page.getByRole("region", { name: url });
    await expect(panel).toContainText("Slack");
    await panel.getByRole("button", { name: "Send test message" }).click();
    await expect(panel.getByRole("status", { name: "Test message result" })).toHaveText("Delivered: the receiver answered 200.");
    expect(bodies).toHaveLength(1);
    const message = JSON.parse(bodies[0]) as { text: string; blocks: { type: string }[] };
    expect(message.text).toContain("This is a test message from Baton");
    expect(message.blocks.map((block) => block.type)).toEqual(["section", "actions"]);
    await expectNoA11yViolations(page);

    await panel.getByRole("button", { name: "Edit" }).click();
    await panel.getByLabel("Format").selectOption("discord");
    await panel.getByRole("button", { name: "Save webhook" }).click();
    await expect(panel).toContainText("Discord");
    await panel.getByRole("button", { name: "Send test message" }).click();
    await expect.poll(() => bodies.length).toBe(2);
    expect(JSON.parse(bodies[1])).toMatchObject({ content: expect.stringContaining("This is a test message from Baton"), allowed_mentions: { parse: [] } });
  } finally {
    await new Promise<void>((resolve) => receiver.close(() => resolve()));
  }
});
