import { expect, test } from "@playwright/test";
import type { APIResponse, Page } from "@playwright/test";
import { demoUsers, signInAs, signInThroughForm } from "./helpers";

const sharedHeaders = {
  "x-content-type-options": "nosniff",
  "referrer-policy": "strict-origin-when-cross-origin",
  "x-frame-options": "DENY",
};

function expectSecurityHeaders(response: APIResponse | null) {
  const headers = response!.headers();
  for (const [name, value] of Object.entries(sharedHeaders)) expect(headers[name], name).toBe(value);
  expect(headers["permissions-policy"]).toMatch(/camera=\(\).*microphone=\(\).*geolocation=\(\)/);
  // `npm start` is a production build: HSTS is sent (browsers ignore it over plain http).
  expect(headers["strict-transport-security"]).toMatch(/^max-age=\d{7,}/);
  const csp = headers["content-security-policy"] ?? "";
  for (const directive of ["object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'"]) expect(csp).toContain(directive);
  return csp;
}

/** Collects CSP violations the page reports (an init script runs outside the page's CSP). */
async function watchViolations(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
    document.addEventListener("securitypolicyviolation", (event) => seen.push(`${event.violatedDirective} ${event.blockedURI}`));
  });
  const console: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) console.push(message.text());
  });
  return async () => [...console, ...(await page.evaluate(() => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? []))];
}

test("pages carry the security headers and a fresh script nonce per request, on Next's own scripts", async ({ page }) => {
  const first = await page.request.get("/sign-in");
  const csp = expectSecurityHeaders(first);
  const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
  expect(nonce).toBeTruthy();
  expect(csp).toContain("'strict-dynamic'");
  expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
  const html = await first.text();
  const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((match) => match[0]);
  expect(scripts.length).toBeGreaterThan(0);
  for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
  const second = expectSecurityHeaders(await page.request.get("/sign-in"));
  expect(/'nonce-([^']+)'/.exec(second)?.[1]).not.toBe(nonce);
});

test("the tRPC endpoint and the REST API carry the security headers", async ({ page }) => {
  const trpc = await page.request.get(`/api/trpc/user.me?input=${encodeURIComponent(JSON.stringify({ json: null }))}`);
  expect(trpc.status()).toBe(401);
  expect(expectSecurityHeaders(trpc)).toContain("default-src 'none'");
  const openapi = await page.request.get("/api/v1/openapi.json");
  test.skip(openapi.status() === 404, "/api/v1/openapi.json does not exist in this build yet");
  expect(expectSecurityHeaders(openapi)).toContain("default-src 'none'");
});

test("a state change from another origin is refused; the app's own requests and API clients pass", async ({ page }) => {
  await signInAs(page, demoUsers.sunriseManager.email, "/");
  const url = "/api/trpc/user.updateProfile";
  const meUrl = `/api/trpc/user.me?input=${encodeURIComponent(JSON.stringify({ json: null }))}`;
  const nameNow = async () => ((await (await page.request.get(meUrl)).json()) as { result: { data: { json: { name: string } } } }).result.data.json.name;
  const name = await nameNow();
  const data = { json: { name: "Cross Site" } };
  const fromEvil = await page.request.post(url, { data, headers: { origin: "https://evil.example", "sec-fetch-site": "cross-site" } });
  expect(fromEvil.status()).toBe(403);
  const byOriginOnly = await page.request.post(url, { data, headers: { origin: "https://evil.example" } });
  expect(byOriginOnly.status()).toBe(403);
  expect(await nameNow()).toBe(name);
  // The same request from the app's own origin goes through (it keeps the name as it was).
  const own = await page.request.post(url, { data: { json: { name } }, headers: { origin: new URL(page.url()).origin, "sec-fetch-site": "same-origin" } });
  expect(own.status()).toBe(200);
});

test("a server action posted from another origin is not run (Next.js compares Origin with Host)", async ({ page }) => {
  await page.goto("/sign-in");
  const bound = JSON.parse((await page.locator('input[name="$ACTION_1:0"]').getAttribute("value")) ?? "{}") as { id?: string };
  expect(bound.id).toBeTruthy();
  const post = (origin: string) =>
    page.request.post("/sign-in", {
      headers: { origin, "next-action": bound.id!, accept: "text/x-component" },
      multipart: { "0": JSON.stringify([{}, "$K1"]) },
      maxRedirects: 0,
    });
  const fromEvil = await post("https://evil.example");
  expect(fromEvil.status()).toBe(500);
  expect(await fromEvil.text()).not.toContain("fieldErrors");
  // The same request from the app's origin runs the action (which refuses the empty form).
  const own = await post(new URL(page.url()).origin);
  expect(own.status()).toBe(200);
  expect(await own.text()).toContain("fieldErrors");
});

test("the session cookie is HttpOnly and SameSite=Lax (Secure and __Secure- only over https)", async ({ page, context }) => {
  await page.goto("/sign-in");
  await signInThroughForm(page, demoUsers.bayviewAdmin.email);
  await expect(page.getByRole("heading", { level: 1, name: "Dashboard" })).toBeVisible({ timeout: 30_000 });
  const session = (await context.cookies()).find((cookie) => cookie.name.endsWith("authjs.session-token"));
  expect(session).toMatchObject({ name: "authjs.session-token", httpOnly: true, sameSite: "Lax", secure: false, path: "/" });
  expect(await page.evaluate(() => document.cookie)).not.toContain("session-token");
});

test("the dashboard charts, the theme switch and a call recording work under the CSP", async ({ page }) => {
  const violations = await watchViolations(page);
  await signInAs(page, demoUsers.sunriseManager.email, "/?period=90d");
  await expect(page.getByRole("img", { name: /calls per day/ })).toBeVisible();
  await expect(page.locator("rect[data-value]").first()).toBeVisible();

  // next-themes' inline script ran (it needs the nonce): the html element has a theme class.
  await expect(page.locator("html")).toHaveClass(/\b(light|dark)\b/);
  // The switch cycles light → dark → system: dark comes within three clicks whatever the start.
  const toggle = page.getByRole("button", { name: /^Theme: / });
  await expect(async () => {
    if (!/\bdark\b/.test((await page.locator("html").getAttribute("class")) ?? "")) await toggle.click();
    await expect(page.locator("html")).toHaveClass(/\bdark\b/, { timeout: 500 });
  }).toPass({ timeout: 10_000 });

  await page.goto("/calls");
  const recorded = page.locator('a[href^="/calls/"]').first();
  await recorded.click();
  const audio = page.locator("audio");
  if ((await audio.count()) > 0) {
    await expect.poll(() => audio.first().evaluate((element: HTMLAudioElement) => element.readyState + (element.error ? -10 : 0)), { timeout: 15_000 }).toBeGreaterThan(0);
  }
  expect(await violations()).toEqual([]);
});

test("after 10 failed attempts the form says to wait, whether or not the email exists", async ({ page }) => {
  test.setTimeout(90_000);
  await page.goto("/sign-in");
  const email = `guess-${Date.now()}@nowhere.test`;
  for (let attempt = 0; attempt < 10; attempt += 1) {
    await signInThroughForm(page, email, `wrong password ${attempt}`);
    await expect(page.getByLabel("Password")).toHaveValue("");
    await expect(page.locator("#sign-in-error")).toHaveText("That email and password don't match an active account.");
  }
  await signInThroughForm(page, email, "wrong password 10");
  await expect(page.getByLabel("Password")).toHaveValue("");
  await expect(page.locator("#sign-in-error")).toHaveText("Too many sign-in attempts. Try again in 15 minutes.");
  await expect(page).toHaveURL(/\/sign-in/);
});
