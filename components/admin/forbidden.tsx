import { ShieldAlert } from "lucide-react";
import Link from "next/link";
import { Button } from "@/components/ui/button";

/** What people who are not super admins see in the platform console. */
export function Forbidden() {
  return (
    <main className="grid min-h-dvh place-items-center bg-muted/40 px-4 py-12">
      <div className="flex max-w-md flex-col items-center gap-3 text-center" data-testid="forbidden">
        <span aria-hidden className="grid size-12 place-items-center rounded-full bg-destructive/10 text-destructive">
          <ShieldAlert className="size-6" />
        </span>
        <h1 className="text-2xl font-semibold tracking-tight">You do not have access to the platform console</h1>
        <p className="text-sm text-muted-foreground">This area is for AutoPulse super admins (error 403). Your organization&apos;s workspace is still yours.</p>
        <Button asChild>
          <Link href="/">Go to your workspace</Link>
        </Button>
      </div>
    </main>
  );
}
