import { expect, test } from "@playwright/test";
import { demoUsers, signInAs } from "./helpers";

test("an Admin edits the organization profile and finds it saved after a reload", async ({ page }) => {
  await signInAs(page, demoUsers.bayviewAdmin.email, "/settings/organization");
  const location = `${Date.now() % 10000} Harbor Dr, San Diego, CA`;
  await page.getByLabel("Location").fill(location);
  await page.getByLabel("Support").fill("(619) 555-0177");
  const serviceTypes = page.getByLabel("Service types");
  await serviceTypes.fill("Hybrid battery check");
  await serviceTypes.press("Enter");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("Organization profile saved")).toBeVisible();

  await page.reload();
  await expect(page.getByLabel("Location")).toHaveValue(location);
  await expect(page.getByLabel("Support")).toHaveValue("+1 619 555 0177");
  await expect(page.getByRole("button", { name: "Remove Hybrid battery check" })).toBeVisible();
});

test("an invalid phone number is shown beside its field and nothing is saved", async ({ page }) => {
  await signInAs(page, demoUsers.sunriseAdmin.email, "/settings/organization");
  await expect(page.getByLabel("Sales")).toBeEnabled();
  const before = await page.getByLabel("Sales").inputValue();
  await page.getByLabel("Sales").fill("555-12");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.locator("#phoneSales-error")).toHaveText("Enter a valid phone number, e.g. +1 614 555 0100");
  await page.reload();
  await expect(page.getByLabel("Sales")).toHaveValue(before);
});

test("a Manager sees the profile read-only", async ({ page }) => {
  await signInAs(page, demoUsers.sunriseManager.email, "/settings/organization");
  await expect(page.getByText("Read only: only Admins of Sunrise Motors can change this profile.")).toBeVisible();
  await expect(page.getByLabel("Name")).toBeDisabled();
  await expect(page.getByLabel("Name")).toHaveValue("Sunrise Motors");
  await expect(page.getByRole("button", { name: "Save changes" })).toHaveCount(0);
});
