import { expect, test } from "@playwright/test";
import { demoUsers, signInAs } from "./helpers";

test("the super admin opens the platform view, changes the period and compares an organization with the others", async ({ page }) => {
  await signInAs(page, demoUsers.superAdmin.email, "/admin");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Platform", exact: true }).click();
  await expect(page).toHaveURL(/\/admin\/platform$/);
  await expect(page.getByRole("heading", { name: "Platform", level: 1 })).toBeVisible();

  const table = page.getByRole("table", { name: "Organizations and their figures for the period" });
  await expect(table.getByRole("link", { name: "Sunrise Motors" })).toBeVisible();
  await expect(table.getByRole("link", { name: "Bayview Auto Care" })).toBeVisible();
  await expect(table.getByRole("link", { name: "AutoPulse Platform" })).toHaveCount(0);

  await page.getByRole("button", { name: "90 days" }).click();
  await expect(page).toHaveURL(/period=90d/);
  const ninetyDays = await page.getByTestId("platform-stat-attempted").innerText();
  await page.getByRole("button", { name: "7 days" }).click();
  await expect(page).toHaveURL(/period=7d/);
  await expect(page.getByTestId("platform-stat-attempted")).not.toHaveText(ninetyDays);
  await page.getByRole("button", { name: "90 days" }).click();
  await expect(page.getByTestId("platform-stat-attempted")).toHaveText(ninetyDays);

  // Sorting by a column puts it in the URL and marks the header.
  await table.getByRole("button", { name: "Connect rate" }).click();
  await expect(page).toHaveURL(/sort=connectRate/);
  await expect(table.getByRole("columnheader", { name: "Connect rate" })).toHaveAttribute("aria-sort", "descending");

  await page.getByRole("combobox", { name: "Organization" }).click();
  await page.getByRole("option", { name: "Sunrise Motors" }).click();
  await expect(page).toHaveURL(/compare=[0-9a-f-]{36}/);
  const figures = page.getByRole("list", { name: "Figures of Sunrise Motors" });
  await expect(figures).toBeVisible();
  await expect(page.getByTestId("compare-attempted")).toContainText(/Rank\s*\d of \d/);
  await expect(page.getByTestId("compare-connectRate")).toContainText("Median");
  const callsByDay = page.getByRole("figure", { name: /Calls by day: Sunrise Motors/ });
  await expect(callsByDay.locator("rect[data-value]").first()).toBeVisible();
  // The bars and the chart's table add up to the organization's Calls figure.
  const calls = Number((await page.getByTestId("compare-attempted").locator(".text-xl").innerText()).replace(/[^0-9]/g, ""));
  const drawn = await callsByDay.locator("rect[data-value]").evaluateAll((rects) => rects.reduce((sum, rect) => sum + Number(rect.getAttribute("data-value")), 0));
  expect(drawn).toBe(calls);
  await callsByDay.getByText("Show as table").click();
  const own = await callsByDay.getByRole("table", { name: "Calls per day" }).locator("tbody tr td:nth-child(2)").allInnerTexts();
  expect(own.reduce((sum, text) => sum + Number(text.replace(/[^0-9]/g, "")), 0)).toBe(calls);

  // The comparison survives a reload: it is rendered from the URL.
  await page.reload();
  await expect(page.getByRole("list", { name: "Figures of Sunrise Motors" })).toBeVisible();

  await table.getByRole("link", { name: "Bayview Auto Care" }).click();
  await expect(page).toHaveURL(/\/admin\/organizations\/[0-9a-f-]{36}$/);
});

test("an Admin cannot open the platform view", async ({ page }) => {
  await signInAs(page, demoUsers.sunriseAdmin.email, "/admin/platform");
  await expect(page.getByRole("table", { name: "Organizations and their figures for the period" })).toHaveCount(0);
  await expect(page.getByTestId("platform-stat-attempted")).toHaveCount(0);
});
