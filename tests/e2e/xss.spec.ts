import { expect, test } from "@playwright/test";
import type { Page } from "@playwright/test";
import { demoUsers, signInAs } from "./helpers";
import { trpcMutation } from "./security-data";

// Every user-entered string renders as text: an HTML and script payload in a transcript turn, an inquiry,
// a customer's name shows literally in the call page, the transcript search snippets (built from
// ts_headline), the inquiry inbox and the customer list, and none of it runs.

const payload = `<img src=x onerror=window.__xss=1><script>window.__xss=1</script>`;

async function expectShownAsText(page: Page, text: string) {
  await expect(page.getByText(text, { exact: false }).first()).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).toBeUndefined();
  // The payload's own elements never made it into the page.
  expect(await page.locator("img[src='x']").count()).toBe(0);
}

test("an HTML and script payload in a transcript, an inquiry and a customer shows as text everywhere", async ({ page, baseURL }) => {
  const stamp = String(Date.now());
  await signInAs(page, demoUsers.sunriseAdmin.email, "/");

  // A customer and an inquiry, through the app's API as the signed-in Admin.
  const customerName = `${payload} ${stamp}`;
  await trpcMutation(page.request, baseURL!, "serviceRecord.create", { customerName, customerPhone: "(614) 555-0187" });
  await trpcMutation(page.request, baseURL!, "inquiry.create", { customerName, email: `xss-${stamp}@example.test`, phone: "", message: `Message ${payload} ${stamp}` });

  // A call with that transcript, reported by the voice engine with the organization's API key.
  const { key } = await trpcMutation<{ key: string }>(page.request, baseURL!, "apiKey.create", { name: `XSS test ${stamp}` });
  const reported = await page.request.post("/api/v1/calls", {
    headers: { authorization: `Bearer ${key}` },
    data: {
      external_id: `xss-${stamp}`,
      status: "completed",
      customer_number: "+16145550187",
      start_time: new Date(Date.now() - 120_000).toISOString(),
      end_time: new Date(Date.now() - 60_000).toISOString(),
      duration_sec: 60,
      transcript: [
        { role: "user", content: `Brakes squeal ${payload} marker${stamp}` },
        { role: "assistant", content: `Noted: ${payload}` },
      ],
    },
  });
  expect(reported.status(), await reported.text()).toBeLessThan(300);
  const call = (await reported.json()) as { id: string };

  await page.goto(`/calls/${call.id}`);
  await expectShownAsText(page, `Brakes squeal ${payload} marker${stamp}`);

  await page.goto(`/calls/search?q=marker${stamp}`);
  await expectShownAsText(page, payload);

  await page.goto("/inquiries");
  await expectShownAsText(page, `Message ${payload} ${stamp}`);
  await expectShownAsText(page, customerName);

  await page.goto(`/customers?q=${stamp}`);
  await expectShownAsText(page, customerName);
});
