import { expect, test } from "@playwright/test";
import { demoUsers, signInThroughForm } from "./helpers";

// What each role's sidebar links to. Later pages add their links here.
const expectedNavigation: Record<string, string[]> = {
  "Super admin": [
    ...["Dashboard", "Campaigns", "Customers", "Calls", "Bookings", "Inquiries", "KPIs", "Organization", "General", "Users", "Integrations", "API keys", "Tags", "Voice agents", "Billing", "Audit log"],
    ...["Overview", "Platform", "Organizations", "Plans", "Payments", "Users"],
  ],
  Admin: ["Dashboard", "Campaigns", "Customers", "Calls", "Bookings", "Inquiries", "KPIs", "Organization", "General", "Users", "Integrations", "API keys", "Tags", "Voice agents", "Billing", "Audit log"],
  Manager: ["Dashboard", "Campaigns", "Customers", "Calls", "Bookings", "Inquiries", "KPIs", "Organization", "Tags", "Voice agents"],
};

for (const user of Object.values(demoUsers)) {
  test(`${user.email} signs in and sees the ${user.role} navigation`, async ({ page }) => {
    await page.goto("/");
    await expect(page).toHaveURL(/\/sign-in/);
    await signInThroughForm(page, user.email);
    await expect(page.getByRole("heading", { level: 1, name: "Dashboard" })).toBeVisible({ timeout: 30_000 });
    await expect(page.getByTestId("organization-name")).toHaveText(user.organization);
    const links = page.getByRole("navigation", { name: "Main" }).getByRole("link");
    await expect(links).toHaveText(expectedNavigation[user.role]!);
  });
}

test("a deactivated user, a wrong password and an unknown email get the same refusal", async ({ page }) => {
  await page.goto("/sign-in");
  for (const [email, password] of [
    ["former@sunrise.test", "demo-password"],
    ["admin@sunrise.test", "wrong-password"],
    ["nobody@sunrise.test", "demo-password"],
  ] as const) {
    await signInThroughForm(page, email, password);
    // The form is reset when the server has answered: the password field empties.
    await expect(page.getByLabel("Password")).toHaveValue("");
    await expect(page.locator("#sign-in-error")).toHaveText("That email and password don't match an active account.");
    await expect(page).toHaveURL(/\/sign-in/);
  }
});

test("a malformed email shows an error beside the field", async ({ page }) => {
  await page.goto("/sign-in");
  await signInThroughForm(page, "not-an-email");
  const email = page.getByLabel("Email");
  await expect(email).toHaveAttribute("aria-invalid", "true");
  await expect(page.locator("#email-error")).toHaveText("Enter a valid email address");
});

test("a signed-out visitor is sent to sign in and comes back to the page after it", async ({ page }) => {
  await page.goto("/settings/organization");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fsettings%2Forganization/);
  await signInThroughForm(page, demoUsers.sunriseManager.email);
  await expect(page).toHaveURL(/\/settings\/organization$/);
  await expect(page.getByRole("heading", { name: "Organization", level: 1 })).toBeVisible();
});

test("signing out ends the session", async ({ page }) => {
  await page.goto("/sign-in");
  await signInThroughForm(page, demoUsers.bayviewManager.email);
  await expect(page.getByTestId("organization-name")).toHaveText("Bayview Auto Care", { timeout: 30_000 });
  // The menu opens only once the page has hydrated: retry the click until it does.
  const signOut = page.getByRole("menuitem", { name: "Sign out" });
  await expect(async () => {
    await page.getByRole("button", { name: /Account menu/ }).click();
    await expect(signOut).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
  await signOut.click();
  await expect(page).toHaveURL(/\/sign-in/);
  await page.goto("/settings/organization");
  await expect(page).toHaveURL(/\/sign-in/);
});
