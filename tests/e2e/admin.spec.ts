import { expect, test } from "@playwright/test";
import type { Page } from "@playwright/test";
import { demoUsers, signInAs, signInThroughForm } from "./helpers";

async function choose(page: Page, label: string, option: string) {
  await page.getByRole("dialog").getByLabel(label).click();
  await page.getByRole("option", { name: option, exact: true }).click();
}

const field = (page: Page, label: string) => page.getByRole("dialog").getByLabel(label);

test("the super admin sets up an organization, credits a payment, acts as it, then suspends it", async ({ page, browser }) => {
  test.setTimeout(120_000);
  const unique = `${Date.now()}`;
  const planName = `E2E Plan ${unique}`;
  const organizationName = `Harbor Motors ${unique}`;
  const adminEmail = `admin-${unique}@harbor.test`;
  const adminPassword = "harbor admin password";

  await signInAs(page, demoUsers.superAdmin.email, "/admin/plans");
  await page.getByRole("button", { name: "New plan" }).click();
  await field(page, "Name").fill(planName);
  await field(page, "Price (USD)").fill("149.00");
  await field(page, "Credit limit").fill("50.00");
  await field(page, "Rate per minute").fill("0.1500");
  await page.getByRole("button", { name: "Create plan" }).click();
  await expect(page.getByRole("cell", { name: planName, exact: true })).toBeVisible();

  await page.goto("/admin/organizations");
  await page.getByRole("button", { name: "New organization" }).click();
  await field(page, "Name").fill(organizationName);
  await field(page, "Email").fill(`service-${unique}@harbor.test`);
  await field(page, "Service phone").fill("(614) 555-0142");
  await choose(page, "Plan", planName);
  await page.getByRole("button", { name: "Create organization" }).click();
  await expect(page.getByRole("heading", { level: 1, name: new RegExp(organizationName) })).toBeVisible();
  const organizationUrl = page.url();

  await page.getByRole("button", { name: "Add user" }).click();
  await field(page, "Name").fill("Harbor Admin");
  await field(page, "Email").fill(adminEmail);
  await choose(page, "Role", "Admin");
  await field(page, "Set a password now").check();
  await field(page, "Password (12–128 characters)").fill(adminPassword);
  await page.getByRole("button", { name: "Add user", exact: true }).last().click();
  await expect(page.getByRole("cell", { name: new RegExp(adminEmail) })).toBeVisible();

  await expect(page.getByTestId("credit-balance")).toHaveText("$0.00");
  await page.getByRole("button", { name: "Record payment" }).click();
  await field(page, "Amount (USD)").fill("250.00");
  await page.getByRole("dialog").getByRole("button", { name: "Record payment" }).click();
  await expect(page.getByTestId("credit-balance")).toHaveText("$250.00");

  await page.getByRole("button", { name: "Act as" }).click();
  await field(page, "Reason").fill("E2E support check");
  await page.getByRole("button", { name: "Enter workspace" }).click();
  await expect(page.getByTestId("acting-banner")).toContainText(organizationName);
  await expect(page.getByTestId("organization-name").first()).toHaveText(organizationName);
  await page.goto("/settings/audit");
  await expect(page.getByRole("cell", { name: /act start/ }).first()).toBeVisible();
  await page.getByRole("button", { name: `Leave ${organizationName}` }).click();
  await expect(page).toHaveURL(organizationUrl);
  await expect(page.getByTestId("acting-banner")).toHaveCount(0);

  await page.getByRole("button", { name: "Suspend" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Suspend" }).click();
  await expect(page.getByText("Suspended", { exact: true }).first()).toBeVisible();

  const context = await browser.newContext();
  const newAdmin = await context.newPage();
  await newAdmin.goto("/sign-in");
  await signInThroughForm(newAdmin, adminEmail, adminPassword);
  await expect(newAdmin.getByText("That email and password don't match an active account.")).toBeVisible();
  await context.close();
});

test("a Manager who opens the platform console is turned away", async ({ page }) => {
  await signInAs(page, demoUsers.sunriseManager.email, "/admin");
  await expect(page.getByTestId("forbidden")).toBeVisible();
  await expect(page.getByRole("heading", { name: "You do not have access to the platform console" })).toBeVisible();
  await expect(page.getByText("Platform overview")).toHaveCount(0);
});
