import { expect, test } from "@playwright/test";
import { demoUsers, signInAs, signInThroughForm } from "./helpers";

test("an Admin creates a Manager with a set-password link; the new user sets a password and signs in", async ({ page, browser }) => {
  const email = `new-manager-${Date.now()}@sunrise.test`;
  const password = "a fresh manager password";
  await signInAs(page, demoUsers.sunriseAdmin.email, "/settings/users");
  await page.getByRole("button", { name: "Add user" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Name").fill("Riley Manager");
  await dialog.getByLabel("Email").fill(email);
  await dialog.getByRole("button", { name: "Add user" }).click();
  await expect(dialog.getByTestId("set-password-link")).toBeVisible();
  const link = await dialog.getByRole("textbox", { name: "Set-password link", exact: true }).inputValue();
  expect(link).toMatch(/\/set-password\/[\w-]{40,}$/);
  await page.getByRole("button", { name: "Done" }).click();
  await expect(page.getByRole("cell", { name: new RegExp(email) })).toBeVisible();

  const context = await browser.newContext();
  const newUser = await context.newPage();
  await newUser.goto(link);
  await expect(newUser.getByText(email)).toBeVisible();
  // The page checks nothing itself (no zod, no tRPC client in it): every rule's message comes back from the server beside its field.
  await newUser.getByLabel("New password").fill(password);
  await newUser.getByLabel("Repeat password").fill(`${password} typo`);
  await newUser.getByRole("button", { name: "Set password" }).click();
  await expect(newUser.locator("#confirmPassword-error")).toHaveText("The passwords do not match");
  await expect(newUser.getByLabel("Repeat password")).toBeFocused();
  // The common-password rule runs on the server only (its list stays out of the page): its error comes back beside the field.
  await newUser.getByLabel("New password").fill("qwerty123456");
  await newUser.getByLabel("Repeat password").fill("qwerty123456");
  await newUser.getByRole("button", { name: "Set password" }).click();
  await expect(newUser.locator("#password-error")).toHaveText("This password is too common. Choose one that is harder to guess.");
  await expect(newUser.getByLabel("New password")).toHaveAttribute("aria-invalid", "true");
  await newUser.getByLabel("New password").fill(password);
  await newUser.getByLabel("Repeat password").fill(password);
  await newUser.getByRole("button", { name: "Set password" }).click();
  await newUser.getByRole("link", { name: "Sign in" }).click();
  await signInThroughForm(newUser, email, password);
  await expect(newUser.getByTestId("organization-name").first()).toHaveText("Sunrise Motors");

  // The link works once.
  await newUser.goto(link);
  await expect(newUser.getByText("This link has expired or was already used.")).toBeVisible();
  await context.close();
});
