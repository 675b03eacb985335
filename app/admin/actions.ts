"use server";

import { TRPCError } from "@trpc/server";
import { redirect } from "next/navigation";
import { ZodError } from "zod";
import { updateSession } from "@/server/auth";
import { currentUser } from "@/server/auth/current-user";
import { getDb } from "@/server/db";
import { startActing, stopActing } from "@/server/services/act-as";

// The jwt callback (server/auth) copies actingOrganizationId from an update; Session's type does not list it.
function setActingOrganization(actingOrganizationId: string | null) {
  return updateSession({ actingOrganizationId } as Parameters<typeof updateSession>[0]);
}

export type ActAsState = { error?: string; fieldErrors?: { reason?: string[] } };

export async function startActingAction(input: { organizationId: string; reason: string }): Promise<ActAsState> {
  try {
    const organization = await startActing(getDb(), await currentUser(), input);
    await setActingOrganization(organization.organizationId);
  } catch (error) {
    if (error instanceof ZodError) return { error: "Give a reason (at least 3 characters).", fieldErrors: { reason: error.issues.map((issue) => issue.message) } };
    if (error instanceof TRPCError) return { error: error.message };
    throw error;
  }
  redirect("/");
}

export async function stopActingAction(): Promise<void> {
  const organizationId = await stopActing(getDb(), await currentUser());
  await setActingOrganization(null);
  redirect(organizationId ? `/admin/organizations/${organizationId}` : "/admin");
}
