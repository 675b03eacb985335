import { expect, test } from "@playwright/test";
import type { Page } from "@playwright/test";
import { demoUsers, signInAs } from "./helpers";

const callsFigure = (page: Page) => page.getByTestId("stat-Calls");
const count = (text: string) => Number(text.replace(/[^0-9]/g, ""));

test("a Manager changes the period and the campaign and the figures follow", async ({ page }) => {
  await signInAs(page, demoUsers.sunriseManager.email, "/?period=90d");
  await expect(page.getByRole("heading", { name: "Dashboard", level: 1 })).toBeVisible();
  const ninetyDays = await callsFigure(page).innerText();
  await page.getByRole("button", { name: "7 days" }).click();
  await expect(page).toHaveURL(/period=7d/);
  await expect(callsFigure(page)).not.toHaveText(ninetyDays);
  const sevenDaysRange = await page.getByTestId("dashboard-range").innerText();
  expect(sevenDaysRange).not.toBe("");

  await page.getByRole("button", { name: "90 days" }).click();
  await expect(callsFigure(page)).toHaveText(ninetyDays);
  await page.getByRole("combobox", { name: "Campaign" }).click();
  await page.getByRole("option").nth(1).click();
  await expect(page).toHaveURL(/campaign=\d+/);
  await expect(callsFigure(page)).not.toHaveText(ninetyDays);
});

for (const colorScheme of ["light", "dark"] as const) {
  test(`the charts render in the ${colorScheme} theme`, async ({ page }, testInfo) => {
    await page.emulateMedia({ colorScheme });
    await signInAs(page, demoUsers.bayviewAdmin.email, "/?period=90d");
    const callsByDay = page.getByRole("figure", { name: /^Calls by day/ });
    await expect(callsByDay.getByRole("img", { name: /calls per day/ })).toBeVisible();
    await expect(callsByDay.locator("rect[data-value]").first()).toBeVisible();

    // The bars and the chart's table add up to the Calls figure; the funnel starts with it.
    const callsText = await callsFigure(page).innerText();
    const calls = count(callsText);
    expect(calls).toBeGreaterThan(0);
    const drawn = await callsByDay.locator("rect[data-value]").evaluateAll((rects) => rects.reduce((sum, rect) => sum + Number(rect.getAttribute("data-value")), 0));
    expect(drawn).toBe(calls);
    await callsByDay.getByText("Show as table").click();
    const dailyTotals = await callsByDay.getByRole("table", { name: "Calls by day and how they ended" }).locator("tbody tr td:last-child").allInnerTexts();
    expect(dailyTotals.reduce((sum, text) => sum + count(text), 0)).toBe(calls);
    await expect(page.getByRole("img", { name: new RegExp(`^Bar chart of funnel: Calls ${callsText},`) })).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath(`dashboard-${colorScheme}.png`), fullPage: true });
  });
}

test("an Admin creates a custom KPI with a target and sees it marked off target", async ({ page }) => {
  await signInAs(page, demoUsers.sunriseAdmin.email, "/kpis");
  await expect(page.getByRole("heading", { name: "KPIs", level: 1 })).toBeVisible();
  await page.getByRole("button", { name: "New KPI" }).click();
  const name = `Booking rate stretch ${Date.now() % 100000}`;
  await page.getByLabel("Name").fill(name);
  await page.getByRole("textbox", { name: "Target", exact: true }).fill("99");
  await page.getByRole("button", { name: "Create KPI" }).click();
  await expect(page.getByText("KPI created")).toBeVisible();
  const row = page.getByTestId(`kpi-row-${name}`);
  await expect(row).toContainText("Off target");
  await expect(row).toContainText("99.0%");
});

test("a Manager sees KPIs but cannot change them", async ({ page }) => {
  await signInAs(page, demoUsers.sunriseManager.email, "/kpis");
  await expect(page.getByTestId("kpi-row-connect_rate")).toContainText("Connect rate");
  await expect(page.getByRole("button", { name: "New KPI" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /^Edit / })).toHaveCount(0);
});

test("pages whose data is read without suspense hydrate without a mismatch", async ({ page }) => {
  // A prefetch the server did not wait for lets the browser's cache run ahead of the server's HTML:
  // React then throws the server render away (error #418) and the page paints twice.
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  await signInAs(page, demoUsers.sunriseAdmin.email, "/?period=90d");
  await expect(callsFigure(page)).toBeVisible();
  for (const path of ["/calls", "/kpis", "/campaigns"]) {
    await page.goto(path);
    await page.waitForLoadState("networkidle");
  }
  expect(errors).toEqual([]);
});

test("a Manager reads a KPI's last 12 weeks as a line against the target, and as a table", async ({ page }) => {
  await signInAs(page, demoUsers.sunriseManager.email, "/kpis");
  await page.getByTestId("kpi-row-connect_rate").getByRole("link").first().click();
  const chart = page.getByRole("figure", { name: "Weekly values of Connect rate" });
  await expect(chart.getByRole("img", { name: /^Line chart of Connect rate over 12 weeks/ })).toBeVisible();
  const points = await chart.locator("circle[data-value]").evaluateAll((circles) => circles.map((circle) => Number(circle.getAttribute("data-value"))));
  expect(points.length).toBeGreaterThan(0);
  await chart.getByText("Show as table").click();
  const values = await chart.getByRole("table", { name: "Weekly values of Connect rate" }).locator("tbody tr td").allInnerTexts();
  expect(values).toHaveLength(12);
  // Each point drawn is the week's value in the table, in order.
  expect(values.filter((value) => value !== "—")).toEqual(points.map((value) => `${value.toFixed(1)}%`));
});
