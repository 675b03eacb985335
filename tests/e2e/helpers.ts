import { expect } from "@playwright/test";
import type { Page } from "@playwright/test";

export const demoPassword = "demo-password";

export const demoUsers = {
  superAdmin: { email: "super@autopulse.test", organization: "AutoPulse Platform", role: "Super admin" },
  sunriseAdmin: { email: "admin@sunrise.test", organization: "Sunrise Motors", role: "Admin" },
  sunriseManager: { email: "manager@sunrise.test", organization: "Sunrise Motors", role: "Manager" },
  bayviewAdmin: { email: "admin@bayview.test", organization: "Bayview Auto Care", role: "Admin" },
  bayviewManager: { email: "manager@bayview.test", organization: "Bayview Auto Care", role: "Manager" },
} as const;

/** Signs in through the form, as a person would. */
export async function signInThroughForm(page: Page, email: string, password = demoPassword) {
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/** Signs in through the auth API (faster), then opens `path`. */
export async function signInAs(page: Page, email: string, path = "/") {
  const csrf = (await (await page.request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const response = await page.request.post("/api/auth/callback/credentials", {
    form: { csrfToken: csrf.csrfToken, email, password: demoPassword, callbackUrl: "/" },
    maxRedirects: 0,
  });
  expect(response.status()).toBe(302);
  await page.goto(path);
}
