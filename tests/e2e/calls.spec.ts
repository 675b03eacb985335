import { expect, test } from "@playwright/test";
import type { Page } from "@playwright/test";
import { demoUsers, signInAs } from "./helpers";

// The audio element plays without a real output device; the flag only spares us the autoplay policy.
test.use({
  launchOptions: {
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-dev-shm-usage",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      "--autoplay-policy=no-user-gesture-required",
    ],
  },
});

type Turn = { id: string; role: string; content: string | null; timestamp: string | null };
type Detail = { id: string; startTime: string; customerNumber: string; serviceRecord: { customerName: string } | null; transcripts: Turn[]; audioFile: { durationSec: number } | null };

/** Reads a tRPC query over HTTP as the signed-in page (superjson: the plain values sit under `json`). */
async function query<T>(page: Page, path: string, input: unknown): Promise<T> {
  const encoded = encodeURIComponent(JSON.stringify({ 0: { json: input } }));
  const response = await page.request.get(`/api/trpc/${path}?batch=1&input=${encoded}`);
  expect(response.ok()).toBe(true);
  const [first] = (await response.json()) as [{ result: { data: { json: T } } }];
  return first.result.data.json;
}

/** An unreviewed connected call with a recording in which several spoken turns fall inside the audio. */
async function pickCall(page: Page) {
  const list = await query<{ items: { id: string; hasAudio: boolean }[] }>(page, "calls.list", { filters: { status: "completed", reviewed: "no" }, limit: 100 });
  for (const item of list.items.filter((call) => call.hasAudio)) {
    const call = await query<Detail>(page, "calls.byId", { id: item.id });
    const start = Date.parse(call.startTime);
    const spoken = call.transcripts
      .filter((turn) => turn.role !== "Tool" && turn.timestamp)
      .map((turn) => ({ ...turn, offset: (Date.parse(turn.timestamp!) - start) / 1000 }))
      .filter((turn) => turn.offset < (call.audioFile?.durationSec ?? 0) - 2);
    // The customer's full name as a phrase finds this call (and few others) in transcript search.
    const name = call.serviceRecord?.customerName ?? "";
    const named = name.includes(" ") && call.transcripts.some((turn) => turn.content?.includes(name));
    if (named && spoken.length >= 3 && spoken[0]!.offset < 5) return { call, spoken, name };
  }
  throw new Error("The demo data has no call with a recording that covers three turns");
}

test("a Manager reviews a call: filters, listens along the transcript, searches, and clears it from the queue", async ({ page }) => {
  test.setTimeout(120_000);
  await signInAs(page, demoUsers.sunriseManager.email, "/calls");
  const { call, spoken, name } = await pickCall(page);

  // Filter the log in the UI: status, then the customer's number; the URL keeps the filters.
  await page.getByLabel("Status", { exact: true }).click();
  await page.getByRole("option", { name: "Completed" }).click();
  await expect(page).toHaveURL(/status=completed/);
  await page.getByRole("button", { name: "More filters" }).click();
  const number = page.getByLabel("Customer number");
  await number.fill(call.customerNumber.slice(-7));
  await number.press("Enter");
  await expect(page).toHaveURL(/customerNumber=/);
  await page.locator(`a[href^="/calls/${call.id}?"]`).first().click();
  await expect(page).toHaveURL(new RegExp(`/calls/${call.id}\\?`));
  await expect(page.getByRole("list", { name: "Transcript" })).toBeVisible();

  // Play: the highlighted turn follows the audio (skipping ahead to just before the second turn so the test stays short).
  const turn = (id: string) => page.locator(`#turn-${id}`);
  const audio = page.getByTestId("call-audio");
  await page.getByRole("button", { name: "Play", exact: true }).click();
  await expect(turn(spoken[0]!.id)).toHaveAttribute("data-active", "true", { timeout: 10_000 });
  await expect(page.getByRole("button", { name: "Pause" })).toBeVisible();
  await audio.evaluate((element, seconds) => {
    (element as HTMLAudioElement).currentTime = seconds;
  }, Math.max(spoken[0]!.offset, spoken[1]!.offset - 1.2));
  await expect(turn(spoken[1]!.id)).toHaveAttribute("data-active", "true", { timeout: 10_000 });
  await expect(turn(spoken[0]!.id)).not.toHaveAttribute("data-active", "true");

  // Click a later turn: the player seeks there.
  const later = spoken[2]!;
  await page.getByRole("button", { name: `Play from ${Math.floor(later.offset / 60)}:${String(Math.floor(later.offset % 60)).padStart(2, "0")}` }).first().click();
  await expect(turn(later.id)).toHaveAttribute("data-active", "true");
  const currentTime = await audio.evaluate((audio) => (audio as HTMLAudioElement).currentTime);
  expect(currentTime).toBeGreaterThanOrEqual(later.offset - 0.5);
  await page.getByRole("button", { name: "Pause" }).click();

  // Search a phrase of this call and land on it with the hit highlighted.
  const phrase = name;
  await page.goto("/calls");
  // Typed before hydration, the text would be reset: retry until the form takes it.
  const searchButton = page.getByRole("button", { name: "Search", exact: true });
  await expect(async () => {
    await page.getByRole("searchbox", { name: "Search transcripts" }).fill(`"${phrase}"`);
    await expect(searchButton).toBeEnabled({ timeout: 1000 });
  }).toPass();
  await searchButton.click();
  await expect(page).toHaveURL(/\/calls\/search\?/);
  await page.locator(`a[href^="/calls/${call.id}?q="][href*="#turn-"]`).first().click();
  await expect(page).toHaveURL(new RegExp(`/calls/${call.id}\\?q=.*#turn-\\d+`));
  const hitTurnId = /#turn-(\d+)/.exec(page.url())![1]!;
  await expect(turn(hitTurnId).locator("mark").first()).toBeVisible();
  await expect(page.getByLabel("Find in transcript")).toHaveValue(`"${phrase}"`);

  // Review: outcome and a tag, then the call leaves the "to review" queue.
  await page.getByLabel("Outcome").click();
  await page.getByRole("option", { name: "Callback" }).click();
  await page.getByLabel("Notes").fill("Customer asked for a call on Friday.");
  const firstTag = page.getByRole("group", { name: "Tags" }).getByRole("button").first();
  const tagName = (await firstTag.textContent())!.trim();
  await firstTag.click();
  await expect(page.getByText("Tags saved")).toBeVisible();
  await expect(firstTag).toHaveAttribute("aria-pressed", "true");
  await page.getByRole("button", { name: "Save review" }).click();
  await expect(page.getByText("Review saved")).toBeVisible();
  await expect(page.getByText(/Reviewed by /)).toBeVisible();

  await page.reload();
  await expect(page.getByRole("group", { name: "Tags" }).getByRole("button", { name: tagName })).toHaveAttribute("aria-pressed", "true");
  await page.goto("/calls/review");
  await expect(page.getByRole("heading", { name: "To review" })).toBeVisible();
  await expect(page.locator(`a[href^="/calls/${call.id}?"]`)).toHaveCount(0);
  const queue = await query<{ items: { id: string }[] }>(page, "calls.list", { filters: { reviewed: "no", customerNumber: call.customerNumber }, limit: 100 });
  expect(queue.items.map((item) => item.id)).not.toContain(call.id);
});

test("another organization's call and recording are not found", async ({ page }) => {
  await signInAs(page, demoUsers.sunriseManager.email, "/calls");
  const sunrise = await query<{ items: { id: string }[] }>(page, "calls.list", { limit: 1 });
  const callId = sunrise.items[0]!.id;
  await signInAs(page, demoUsers.bayviewAdmin.email, `/calls/${callId}`);
  await expect(page.getByText(/does not exist|not found/i).first()).toBeVisible();
  expect((await page.request.get(`/api/calls/${callId}/audio`)).status()).toBe(404);
});

/** Changes every `key` inside a tRPC request body (superjson nests the input under `json`), to send what the form never would. */
function rewriteInput(value: unknown, changes: Record<string, unknown>): unknown {
  if (Array.isArray(value)) return value.map((item) => rewriteInput(item, changes));
  if (!value || typeof value !== "object") return value;
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, key in changes ? changes[key] : rewriteInput(item, changes)]));
}

const urlEnding = (path: string) => new RegExp(`${path.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`);

test("the call log and search use the server's first page; chips, sort, load more, j/k and the review form's errors work", async ({ page }) => {
  test.setTimeout(120_000);
  const listRequests: string[] = [];
  page.on("request", (request) => {
    if (/\/api\/trpc\/[^?]*calls\.(list|search)/.test(request.url())) listRequests.push(request.url());
  });
  const rows = page.getByRole("table", { name: "Calls" }).locator("tbody tr");
  const rowLinks = page.getByRole("table", { name: "Calls" }).locator('tbody a[href^="/calls/"]');

  // Loaded with filters in the URL, the list is the one the server rendered: no calls.list request.
  await signInAs(page, demoUsers.sunriseManager.email, "/calls?status=completed&sort=duration_asc&minDuration=oops");
  await expect(rows.first()).toBeVisible();
  await page.waitForLoadState("networkidle");
  expect(listRequests).toEqual([]);
  await expect(rowLinks.first()).toHaveAttribute("href", /status=completed/);

  // The status chips and the sort change the URL and the list.
  const chips = page.getByRole("group", { name: "Calls by status" });
  await chips.getByRole("button", { name: /^All/ }).click();
  await expect(page).not.toHaveURL(/status=/);
  await expect(chips.getByRole("button", { name: /^All/ })).toHaveAttribute("aria-pressed", "true");
  await expect(rowLinks.first()).not.toHaveAttribute("href", /status=completed/);
  await page.getByLabel("Sort").click();
  await page.getByRole("option", { name: "Longest first" }).click();
  await expect(page).toHaveURL(/sort=duration_desc/);
  await expect(rowLinks.first()).toHaveAttribute("href", /sort=duration_desc/);

  // Load more appends the next page.
  await expect(rows).toHaveCount(25);
  await page.getByRole("button", { name: "Load more calls" }).click();
  await expect.poll(() => rows.count()).toBeGreaterThan(25);
  expect(listRequests.length).toBeGreaterThan(0); // the listener does see the browser's calls.list requests
  const [firstHref, secondHref] = await rowLinks.evaluateAll((links) => links.slice(0, 2).map((link) => link.getAttribute("href")!));

  // Transcript search: the server's results, no calls.search request on load.
  listRequests.length = 0;
  await page.goto("/calls/search?q=oil&status=completed");
  await expect(page.getByRole("list", { name: "Search results" }).or(page.getByText("No transcript mentions this"))).toBeVisible();
  await page.waitForLoadState("networkidle");
  expect(listRequests).toEqual([]);

  // j and k walk the list the call was opened from (longest first).
  await page.goto(firstHref!);
  await expect(page.getByRole("link", { name: "Next", exact: true })).toHaveAttribute("href", secondHref!);
  await page.getByRole("heading", { level: 1 }).click();
  await page.keyboard.press("j");
  await expect(page).toHaveURL(urlEnding(secondHref!));
  await expect(page.getByRole("link", { name: "Previous", exact: true })).toHaveAttribute("href", firstHref!);
  await page.getByRole("heading", { level: 1 }).click();
  await page.keyboard.press("k");
  await expect(page).toHaveURL(urlEnding(firstHref!));

  // Review notes over the limit: said beside the field as it is typed, and the form does not send them.
  const notes = page.getByLabel("Notes");
  const saves: string[] = [];
  page.on("request", (request) => {
    if (request.url().includes("calls.setReview")) saves.push(request.url());
  });
  await expect(notes).toBeEnabled();
  await notes.fill("x".repeat(5001));
  await expect(page.getByText("5,001 / 5,000 characters")).toBeVisible();
  await expect(page.locator("#notes-error")).toHaveText("At most 5,000 characters");
  await expect(notes).toHaveAttribute("aria-invalid", "true");
  await page.getByRole("button", { name: "Save review" }).click();
  await expect(notes).toBeFocused();
  expect(saves).toEqual([]);
  await notes.fill("A short note.");
  await expect(page.locator("#notes-error")).toHaveCount(0);

  // The server's field errors show beside their fields (a request changed on the way), and the first one takes the focus.
  await page.route("**/api/trpc/**calls.setReview**", (route) =>
    route.continue({ postData: JSON.stringify(rewriteInput(route.request().postDataJSON(), { outcome: "bogus", notes: "y".repeat(5001) })) }),
  );
  await page.getByRole("button", { name: "Save review" }).click();
  await expect(page.getByText("The review was not saved")).toBeVisible();
  await expect(page.locator("#outcome-error")).toHaveText("Choose an outcome from the list");
  await expect(page.locator("#notes-error")).toHaveText("At most 5,000 characters");
  await expect(page.getByLabel("Outcome")).toBeFocused();
  await expect(notes).toHaveValue("A short note.");
  await notes.fill("A shorter note.");
  await expect(page.locator("#notes-error")).toHaveCount(0);
  await expect(page.locator("#outcome-error")).toBeVisible();
  await page.unroute("**/api/trpc/**calls.setReview**");

  // Sent as typed, the review saves, and "Save and next" goes on down the list.
  await page.getByRole("button", { name: "Save and next" }).click();
  await expect(page.getByText("Review saved")).toBeVisible();
  await expect(page).toHaveURL(urlEnding(secondHref!));
});
