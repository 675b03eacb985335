import { expect } from "@playwright/test";
import type { APIRequestContext, Page } from "@playwright/test";

// Data for the security browser tests, put in through the running app (tRPC over HTTP as a signed-in
// user, or the voice engine API with a key): the e2e server holds its embedded database itself.

/** Calls a tRPC mutation as the page's signed-in user (superjson: plain JSON inputs go as { json }). */
export async function trpcMutation<T>(request: APIRequestContext, baseURL: string, path: string, input: unknown): Promise<T> {
  const response = await request.post(`/api/trpc/${path}`, { data: { json: input }, headers: { origin: baseURL, "content-type": "application/json" } });
  expect(response.ok(), `${path}: ${response.status()} ${await response.text()}`).toBe(true);
  return ((await response.json()) as { result: { data: { json: T } } }).result.data.json;
}

/** Signs in with any password through the auth API, then opens `path`. */
export async function signInWithPassword(page: Page, email: string, password: string, path: string) {
  const csrf = (await (await page.request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const response = await page.request.post("/api/auth/callback/credentials", { form: { csrfToken: csrf.csrfToken, email, password, callbackUrl: "/" }, maxRedirects: 0 });
  expect(response.status()).toBe(302);
  await page.goto(path);
}
