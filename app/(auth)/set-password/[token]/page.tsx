import type { Metadata } from "next";
import Link from "next/link";
import { SetPasswordForm } from "@/components/users/set-password-form";
import { getQueryClient, trpc } from "@/lib/trpc/server";

export const metadata: Metadata = { title: "Set your password" };
export const dynamic = "force-dynamic";

export default async function SetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const link = token.length >= 20 && token.length <= 200 ? await getQueryClient().fetchQuery(trpc.user.passwordLink.queryOptions({ token })) : { valid: false as const, email: null };
  return (
    <main className="grid min-h-dvh place-items-center bg-muted/40 px-4 py-12">
      <div className="w-full max-w-sm">
        <div className="mb-8 flex flex-col items-center gap-2 text-center">
          <span aria-hidden className="grid size-11 place-items-center rounded-xl bg-primary text-lg font-bold text-primary-foreground shadow-sm">
            A
          </span>
          <h1 className="text-2xl font-semibold tracking-tight">Set your password</h1>
        </div>
        {link.valid ? (
          <SetPasswordForm token={token} email={link.email} />
        ) : (
          <div role="alert" className="flex flex-col gap-3 rounded-lg border border-border bg-card p-6 text-sm">
            <p className="font-medium">This link has expired or was already used.</p>
            <p className="text-muted-foreground">Set-password links work once, for 72 hours. Ask your organization&apos;s Admin for a new one.</p>
            <Link href="/sign-in" className="text-primary underline-offset-4 hover:underline">
              Go to sign-in
            </Link>
          </div>
        )}
      </div>
    </main>
  );
}
