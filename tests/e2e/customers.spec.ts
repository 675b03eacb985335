import { expect, test } from "@playwright/test";
import { demoUsers, signInAs } from "./helpers";

test("a Manager imports a CSV with one bad row, sees the report, imports the rest, finds the customer by phone and books them into the week view", async ({ page }) => {
  const suffix = String(Date.now() % 10000).padStart(4, "0");
  const phone = `(614) 555-${suffix}`;
  const csv = ["Name,Phone,Vehicle,Service", `Imogen Import ${suffix},${phone},2021 Toyota RAV4,Oil change`, `Broken Row ${suffix},555-12,2017 Kia Soul,Brakes`].join("\n");
  await signInAs(page, demoUsers.sunriseManager.email, "/customers/import");
  await page.getByLabel("CSV file").setInputFiles({ name: "customers.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  await expect(page.getByText("customers.csv: 2 rows")).toBeVisible();
  await page.getByRole("button", { name: "Check 2 rows" }).click();

  const report = page.getByRole("table", { name: "Rows with errors" });
  await expect(report.getByRole("row", { name: /3 Phone Enter a valid phone number/ })).toBeVisible();
  await expect(page.getByRole("button", { name: "Import 2 rows" })).toBeDisabled();
  await page.getByLabel("Import only the valid rows").check();
  await page.getByRole("button", { name: "Import 1 row" }).click();
  await expect(page.getByText("Added 1, updated 0.")).toBeVisible();

  await page.goto("/customers");
  await page.getByLabel("Search").fill(phone);
  await expect(page).toHaveURL(/q=/);
  await page.getByRole("link", { name: `Imogen Import ${suffix}` }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Imogen Import ${suffix}` })).toBeVisible();

  await page.getByRole("button", { name: "Book appointment" }).click();
  const timezoneLabel = page.getByLabel(/Date and time/);
  const inTwoDays = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
  await timezoneLabel.fill(`${inTwoDays}T10:30`);
  await page.getByRole("dialog").getByRole("button", { name: "Book appointment" }).click();
  await expect(page.getByText("Appointment booked", { exact: true })).toBeVisible();

  await page.goto(`/bookings?week=${inTwoDays}`);
  const week = page.getByRole("region", { name: "Week view" });
  await expect(week.getByText(`Imogen Import ${suffix}`)).toBeVisible();
  await expect(week.getByText("10:30 AM")).toBeVisible();
});

test("a filter whose code cannot load when pressed says so beside it, and works after a reload", async ({ page }) => {
  await signInAs(page, demoUsers.sunriseManager.email, "/customers");
  const status = page.getByRole("combobox", { name: "Status" });
  await expect(status).toBeVisible();
  // The select's menu loads when it is first used: as if the connection had dropped (or a new version replaced the files).
  await page.route("**/_next/static/chunks/**", (route) => route.abort());
  await status.click();
  await expect(page.getByRole("alert").filter({ hasText: "Did not load." })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Customers" }).first()).toBeVisible();

  await page.unrouteAll();
  await page.getByRole("button", { name: "Reload the page" }).click();
  await page.getByRole("combobox", { name: "Status" }).click();
  await page.getByRole("option", { name: "Booked" }).click();
  await expect(page).toHaveURL(/status=Booked/);
});
