import { expect, test } from "@playwright/test";
import type { Page } from "@playwright/test";
import { demoUsers, signInAs } from "./helpers";

// The list pages read their filters from the URL on the server (so their client code needs no zod): a shared or
// reloaded link shows the same view, with the filter controls set, and a change goes back into the URL.

async function choose(page: Page, filter: string, option: string) {
  await page.getByRole("combobox", { name: filter }).click();
  await page.getByRole("option", { name: option, exact: true }).click();
}

/** The text of one column (1-based) of every body row of a table. */
const column = (page: Page, table: ReturnType<Page["getByRole"]>, index: number) => table.locator(`tbody tr td:nth-child(${index})`).allInnerTexts();

test("the audit log opened with filters in its URL shows only matching entries, and says when the URL's filters are not valid", async ({ page }) => {
  // Signing in writes a session login entry, so there is at least one.
  await signInAs(page, demoUsers.sunriseAdmin.email, "/settings/audit?entity=session");
  await expect(page.getByRole("combobox", { name: "Entity" })).toHaveText("session");
  const table = page.getByRole("table", { name: "Audit log" });
  await expect(table.locator("tbody tr").first()).toBeVisible();
  const entities = await column(page, table, 4);
  expect(entities.length).toBeGreaterThan(0);
  expect(new Set(entities)).toEqual(new Set(["session"]));
  await expect(page.getByRole("link", { name: "Export CSV" })).toHaveAttribute("href", "/api/exports/audit-log?entity=session");

  await choose(page, "Action", "update");
  await expect(page).toHaveURL(/entity=session/);
  await expect(page).toHaveURL(/action=update/);
  await expect(page.getByRole("combobox", { name: "Action" })).toHaveText("update");
  await expect(page.getByText("No entries match these filters")).toBeVisible();

  await page.getByRole("button", { name: "Clear" }).click();
  await expect(page).toHaveURL(/\/settings\/audit$/);
  await expect(page.getByRole("combobox", { name: "Entity" })).toHaveText("Any");
  await expect(table.locator("tbody tr").first()).toBeVisible();

  await page.goto("/settings/audit?from=2026-03-01&to=2026-02-01");
  await expect(page.getByRole("alert").filter({ hasText: "The end date must be on or after the start date; showing everything instead." })).toBeVisible();
  await expect(page.getByLabel("From")).toHaveValue("2026-03-01");
  await expect(table.locator("tbody tr").first()).toBeVisible();
});

test("the payment history opened with a status in its URL shows only those payments; changing it updates the URL", async ({ page }) => {
  await signInAs(page, demoUsers.sunriseAdmin.email, "/settings/billing?status=failed");
  await expect(page.getByRole("combobox", { name: "Status" })).toHaveText("Failed");
  const table = page.getByRole("table");
  await expect(table.locator("tbody tr").first()).toBeVisible();
  expect(new Set(await column(page, table, 5))).toEqual(new Set(["Failed"]));

  await choose(page, "Status", "Succeeded");
  await expect(page).toHaveURL(/status=succeeded/);
  await expect(table.locator("tbody tr td:nth-child(5)").filter({ hasText: "Succeeded" }).first()).toBeVisible();
  await expect(table.locator("tbody tr td:nth-child(5)").filter({ hasText: "Failed" })).toHaveCount(0);
  expect(new Set(await column(page, table, 5))).toEqual(new Set(["Succeeded"]));
});

test("the platform payments and users open with the URL's filters", async ({ page }) => {
  await signInAs(page, demoUsers.superAdmin.email, "/admin/payments?status=refunded");
  await expect(page.getByRole("combobox", { name: "Status" })).toHaveText("Refunded");
  const payments = page.getByRole("table");
  await expect(payments.locator("tbody tr").first()).toBeVisible();
  // A refunded payment's status is text (nothing follows it); the others are selects.
  expect(new Set(await column(page, payments, 6))).toEqual(new Set(["Refunded"]));

  await page.goto("/admin/users?role=SuperAdmin");
  await expect(page.getByRole("combobox", { name: "Role" })).toHaveText("Super admin");
  const users = page.getByRole("table");
  await expect(users.getByText(demoUsers.superAdmin.email)).toBeVisible();
  expect(new Set(await column(page, users, 3))).toEqual(new Set(["Super admin"]));

  await choose(page, "Role", "Manager");
  await expect(page).toHaveURL(/role=Manager/);
  await expect(users.getByText(demoUsers.superAdmin.email)).toHaveCount(0);
  await expect(users.getByText(demoUsers.sunriseManager.email)).toBeVisible();
});

test("an Admin's user list opens with the URL's search and role", async ({ page }) => {
  await signInAs(page, demoUsers.sunriseAdmin.email, `/settings/users?search=${encodeURIComponent(demoUsers.sunriseManager.email)}&role=Manager`);
  await expect(page.getByLabel("Search name or email")).toHaveValue(demoUsers.sunriseManager.email);
  await expect(page.getByRole("combobox", { name: "Role" })).toHaveText("Manager");
  const table = page.getByRole("table");
  await expect(table.getByText(demoUsers.sunriseManager.email)).toBeVisible();
  await expect(table.locator("tbody tr")).toHaveCount(1);
});

test("the organization list opens with the URL's search, sort and page, and pages through the URL", async ({ page }) => {
  await signInAs(page, demoUsers.superAdmin.email, "/admin/organizations?search=Sunrise");
  await expect(page.getByLabel("Search name or email")).toHaveValue("Sunrise");
  const table = page.getByRole("table");
  await expect(table.getByRole("link", { name: "Sunrise Motors" })).toBeVisible();
  await expect(table.getByRole("link", { name: "Bayview Auto Care" })).toHaveCount(0);

  await page.goto("/admin/organizations?sort=name&direction=desc&pageSize=1&page=2");
  await expect(page.getByRole("combobox", { name: "Sort by" })).toHaveText("Name ↓");
  await expect(page.getByText(/^Page 2 of \d+$/)).toBeVisible();
  await expect(table.locator("tbody tr")).toHaveCount(1);
  await page.getByRole("button", { name: "Previous" }).click();
  await expect(page).toHaveURL(/[?&]page=1(&|$)/);
  await expect(page.getByText(/^Page 1 of \d+$/)).toBeVisible();
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page).toHaveURL(/[?&]page=2(&|$)/);
  await expect(page.getByText(/^Page 2 of \d+$/)).toBeVisible();

  await choose(page, "Sort by", "Credit balance ↓");
  await expect(page).toHaveURL(/sort=creditBalance/);
  await expect(page).not.toHaveURL(/[?&]page=/);
  await expect(page.getByText(/^Page 1 of \d+$/)).toBeVisible();
});
