import { toast } from "./toaster";

type ErrorLike = { message: string; data?: unknown };

// Optimistic concurrency in edit forms: a save against an older version comes back as CONFLICT with
// "Someone else changed this … since you opened it." (server/services/versioned-update.ts).
const staleVersion = /^Someone else (changed|removed) /;

/** When `error` is such a conflict: says so in a toast and reloads the newer version (`reload`); true when it was one. */
export function handleEditConflict(error: ErrorLike, reload: () => void): boolean {
  const code = typeof error.data === "object" && error.data !== null && "code" in error.data ? error.data.code : null;
  if (code !== "CONFLICT" || !staleVersion.test(error.message)) return false;
  toast.error("Not saved: someone else saved first", { description: `${error.message.replace(/ (Check|Reload) .*$/, "")} Their version is shown now; make your change again.` });
  reload();
  return true;
}
