import { expect, test } from "@playwright/test";
import type { Page } from "@playwright/test";
import { demoUsers, signInAs } from "./helpers";

// Sunrise Motors works in America/New_York (prisma/seed/sunrise.ts).
const timeZone = "America/New_York";

/** Calls a tRPC mutation over HTTP as the signed-in page (superjson: plain values sit under `json`). */
async function mutate<T>(page: Page, path: string, input: unknown): Promise<T> {
  const response = await page.request.post(`/api/trpc/${path}`, { data: { json: input } });
  expect(response.ok(), await response.text()).toBe(true);
  return ((await response.json()) as { result: { data: { json: T } } }).result.data.json;
}

/** The instant of a wall-clock time ("YYYY-MM-DDTHH:MM") in the organization's time zone. */
function zoned(local: string): string {
  const asUtc = new Date(`${local}:00Z`);
  const parts = Object.fromEntries(new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).formatToParts(asUtc).map((part) => [part.type, part.value]));
  const shown = new Date(`${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:00Z`);
  return new Date(asUtc.getTime() - (shown.getTime() - asUtc.getTime())).toISOString();
}

/** A Monday two to three weeks ahead, so the seeded bookings of this week stay out of the way, and a day of that week. */
function weekAhead(): { monday: string; day: (offset: number) => string } {
  const date = new Date(Date.now() + 14 * 86_400_000);
  date.setUTCDate(date.getUTCDate() + ((8 - date.getUTCDay()) % 7));
  const monday = date.toISOString().slice(0, 10);
  return { monday, day: (offset) => new Date(Date.parse(`${monday}T12:00:00Z`) + offset * 86_400_000).toISOString().slice(0, 10) };
}

const dayName = (isoDate: string) => new Intl.DateTimeFormat("en-US", { weekday: "short", month: "short", day: "numeric", timeZone: "UTC" }).format(new Date(`${isoDate}T12:00:00Z`));

async function bookCustomer(page: Page, name: string, local: string) {
  const record = await mutate<{ id: string }>(page, "serviceRecord.create", { customerName: name, customerPhone: "614 555 0177", vehicleInfo: "2018 Mazda CX-5", serviceType: "Brakes" });
  return mutate<{ id: string; updatedAt: string }>(page, "booking.create", { serviceRecordId: record.id, scheduledTime: zoned(local), status: "Confirmed" });
}

test("a Manager reschedules a booking from the week view and finds it at its new time after a reload", async ({ page }) => {
  const name = `Rita Reschedule ${Date.now() % 100000}`;
  const { monday, day } = weekAhead();
  await signInAs(page, demoUsers.sunriseManager.email, "/");
  await bookCustomer(page, name, `${monday}T09:00`);

  await page.goto(`/bookings?week=${monday}`);
  const week = page.getByRole("region", { name: "Week view" });
  const card = week.getByRole("button", { name: new RegExp(`${name}.*open booking`) });
  await expect(card).toContainText("9:00 AM");
  await card.focus();
  await page.keyboard.press("Enter");

  const dialog = page.getByRole("dialog", { name: `Booking: ${name}` });
  await expect(dialog.getByRole("link", { name })).toHaveAttribute("href", /\/customers\/\d+$/);
  await dialog.getByLabel(/Date and time/).fill("");
  await dialog.getByRole("button", { name: "Save changes" }).click();
  await expect(dialog.getByText("Choose a date and time")).toBeVisible();

  await dialog.getByLabel(/Date and time/).fill(`${day(2)}T14:45`);
  await dialog.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("Booking saved")).toBeVisible();
  await expect(dialog).toBeHidden();

  await page.reload();
  const wednesday = page.getByRole("region", { name: "Week view" }).getByRole("region", { name: dayName(day(2)) });
  await expect(wednesday.getByRole("button", { name: new RegExp(name) })).toContainText("2:45 PM");
  await expect(page.getByRole("region", { name: dayName(monday) }).getByText(name)).toHaveCount(0);
});

test("a save on a booking someone else changed meanwhile shows the conflict and loads their version", async ({ page }) => {
  const name = `Connie Conflict ${Date.now() % 100000}`;
  const { monday, day } = weekAhead();
  await signInAs(page, demoUsers.sunriseManager.email, "/");
  const booking = await bookCustomer(page, name, `${day(1)}T11:00`);

  await page.goto(`/bookings?week=${monday}&view=list`);
  await page.getByRole("button", { name: `Edit the booking of ${name}` }).click();
  const dialog = page.getByRole("dialog", { name: `Booking: ${name}` });
  await dialog.getByLabel(/Date and time/).fill(`${day(3)}T08:30`);

  // Another user moves it while the dialog is open.
  await mutate(page, "booking.update", { id: booking.id, expectedUpdatedAt: booking.updatedAt, scheduledTime: zoned(`${day(4)}T16:15`) });
  await dialog.getByRole("button", { name: "Save changes" }).click();
  await expect(dialog.getByRole("alert").filter({ hasText: "Someone else changed this booking since you opened it" })).toBeVisible();
  await expect(dialog.getByLabel(/Date and time/)).toHaveValue(`${day(4)}T16:15`);

  await dialog.getByLabel(/Date and time/).fill(`${day(3)}T08:30`);
  await dialog.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("Booking saved")).toBeVisible();
  await page.reload();
  await expect(page.getByRole("row", { name: new RegExp(name) })).toContainText("8:30");
});

test("a Manager edits an inquiry from the inbox and sees the change after a reload", async ({ page }) => {
  const name = `Ivy Inquiry ${Date.now() % 100000}`;
  await signInAs(page, demoUsers.sunriseManager.email, "/");
  await mutate(page, "inquiry.create", { customerName: name, email: "", phone: "(614) 555-0166", message: "Do you rotate tires?" });

  await page.goto("/inquiries");
  await page.getByRole("button", { name: `Edit the inquiry of ${name}` }).click();
  const dialog = page.getByRole("dialog", { name: "Edit inquiry" });
  await expect(dialog.getByLabel("Message")).toHaveValue("Do you rotate tires?");
  await dialog.getByLabel("Phone").fill("");
  await dialog.getByRole("button", { name: "Save inquiry" }).click();
  await expect(dialog.getByText("Give a phone number or an email to answer")).toBeVisible();

  await dialog.getByLabel("Email").fill("ivy@example.com");
  await dialog.getByLabel("Message").fill("Do you rotate and balance tires?");
  await dialog.getByRole("button", { name: "Save inquiry" }).click();
  await expect(page.getByText("Inquiry saved")).toBeVisible();
  await expect(dialog).toBeHidden();

  await page.reload();
  const item = page.getByRole("list", { name: "Inquiries" }).getByRole("listitem").filter({ hasText: name });
  await expect(item).toContainText("Do you rotate and balance tires?");
  await expect(item).toContainText("ivy@example.com");
  await expect(item.getByRole("combobox", { name: `Status of ${name}` })).toHaveText("New");
});
