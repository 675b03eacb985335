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
