import { expect, test } from "@playwright/test";
import { demoUsers, signInAs } from "./helpers";

test("a Manager creates a campaign, fills its schedule, sees the preview and activates it", async ({ page }) => {
  const name = `E2E oil change ${Date.now()}`;
  await signInAs(page, demoUsers.sunriseManager.email, "/campaigns/new");
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Description").fill("Reminders for customers due an oil change");
  await page.getByRole("button", { name: "Create campaign" }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  await expect(page.getByText("Save a calling schedule to see")).toBeVisible();

  // Concurrency above the organization's limit is refused beside the field.
  await page.getByLabel("Concurrent calls").fill("99");
  await page.getByRole("button", { name: "Save schedule" }).click();
  await expect(page.locator("#concurrency-error")).toBeVisible();
  await page.getByLabel("Concurrent calls").fill("1");
  await page.getByLabel("Attempts per customer").fill("2");
  await page.getByRole("button", { name: "Save schedule" }).click();
  await expect(page.getByText("Schedule saved")).toBeVisible();

  const preview = page.getByRole("region", { name: "Pre-launch preview" }).or(page.locator("[aria-labelledby=preview-title]"));
  await expect(preview.getByText("Eligible customers")).toBeVisible();
  await expect(preview.getByText("Estimated cost")).toBeVisible();

  await page.getByRole("button", { name: "Activate" }).click();
  await expect(page.getByText(`${name} is now Active`)).toBeVisible();
  await expect(page.getByRole("button", { name: "Pause" })).toBeVisible();

  await page.goto(`/campaigns?q=${encodeURIComponent(name)}`);
  const row = page.getByRole("row", { name: new RegExp(name) });
  await expect(row.getByText("Active")).toBeVisible();
});
