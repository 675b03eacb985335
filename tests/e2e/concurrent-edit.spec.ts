import { expect, test } from "@playwright/test";
import { demoUsers, signInAs } from "./helpers";
import { signInWithPassword, trpcMutation } from "./security-data";

// Two Admins of one organization edit its profile at the same time: the second save does not overwrite
// the first silently; it is refused with a conflict and the form shows the newer version.

test("the second of two Admins saving the organization profile gets a conflict and sees the first one's version", async ({ browser, baseURL }) => {
  const first = await browser.newContext({ baseURL });
  const second = await browser.newContext({ baseURL });
  const firstPage = await first.newPage();
  const secondPage = await second.newPage();
  const stamp = Date.now();
  const password = `concurrent-edit-${stamp}-pass`;
  const secondEmail = `second-admin-${stamp}@sunrise.test`;

  await signInAs(firstPage, demoUsers.sunriseAdmin.email, "/settings/organization");
  await trpcMutation(firstPage.request, baseURL!, "user.create", { name: "Second Admin", email: secondEmail, role: "Admin", passwordMode: "password", password });
  await signInWithPassword(secondPage, secondEmail, password, "/settings/organization");

  // Both have the form open on the same version.
  for (const page of [firstPage, secondPage]) await expect(page.getByLabel("Location")).toBeEnabled();
  const firstLocation = `Set by the first Admin ${stamp}`;
  await firstPage.getByLabel("Location").fill(firstLocation);
  await firstPage.getByRole("button", { name: "Save changes" }).click();
  await expect(firstPage.getByText("Organization profile saved")).toBeVisible();

  await secondPage.getByLabel("Location").fill(`Set by the second Admin ${stamp}`);
  await secondPage.getByRole("button", { name: "Save changes" }).click();
  await expect(secondPage.getByText("Not saved: someone else saved first")).toBeVisible();
  await expect(secondPage.getByLabel("Location")).toHaveValue(firstLocation);

  // Nothing of the second save landed; saving again, now on the newer version, goes through.
  await secondPage.reload();
  await expect(secondPage.getByLabel("Location")).toHaveValue(firstLocation);
  await expect(secondPage.getByLabel("Location")).toBeEnabled();
  await secondPage.getByLabel("Location").fill(`Set by the second Admin after reloading ${stamp}`);
  await secondPage.getByRole("button", { name: "Save changes" }).click();
  await expect(secondPage.getByText("Organization profile saved")).toBeVisible();

  await first.close();
  await second.close();
});
