"use client";

import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { ArrowLeft, Eye } from "lucide-react";
import Link from "next/link";
import { useState, useTransition } from "react";
import { startActingAction } from "@/app/admin/actions";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { fieldA11y, FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { lazyDialogPart } from "@/components/ui/lazy";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { toast } from "@/components/ui/toaster";
import { UserActions } from "@/components/users/user-actions";
import { formatDateTime, formatMoney, formatNumber, roleLabels } from "@/lib/format";
import { useTRPC } from "@/lib/trpc/react";
import { methodLabels, PaymentStatusSelect } from "./payment-status-select";

const OrganizationForm = lazyDialogPart(() => import("./organization-form").then((module) => module.OrganizationForm));
const AdjustCreditsForm = lazyDialogPart(() => import("./credit-and-payment-forms").then((module) => module.AdjustCreditsForm));
const PaymentForm = lazyDialogPart(() => import("./credit-and-payment-forms").then((module) => module.PaymentForm));
const UserCreateForm = lazyDialogPart(() => import("@/components/users/user-create-form").then((module) => module.UserCreateForm));

type Open = "edit" | "credits" | "payment" | "user" | "actAs" | "suspend" | null;

const kindLabels: Record<string, string> = { manual: "Manual", payment: "Payment", refund: "Refund", call_debit: "Call" };

function Fact({ label, value }: { label: string; value: React.ReactNode }) {
  return (
    <div>
      <dt className="text-xs text-muted-foreground">{label}</dt>
      <dd className="mt-0.5 text-sm font-medium tabular-nums">{value}</dd>
    </div>
  );
}

function ActAsForm({ organizationId, name }: { organizationId: string; name: string }) {
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  return (
    <form
      className="grid gap-4"
      aria-label={`Act as ${name}`}
      onSubmit={(event) => {
        event.preventDefault();
        startTransition(async () => {
          const result = await startActingAction({ organizationId, reason });
          if (result?.error) setError(result.fieldErrors?.reason?.[0] ?? result.error);
        });
      }}
    >
      <FormField label="Reason" htmlFor="act-reason" error={error} required description={`Recorded in ${name}'s audit log with your name.`}>
        <Input {...fieldA11y("act-reason", error, { description: true })} value={reason} onChange={(event) => setReason(event.target.value)} required placeholder="e.g. Support ticket 4821" />
      </FormField>
      <div className="flex justify-end">
        <Button type="submit" loading={pending}>
          Enter workspace
        </Button>
      </div>
    </form>
  );
}

export function OrganizationDetail({ id }: { id: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { data: organization } = useSuspenseQuery(trpc.organization.byId.queryOptions({ id }));
  const [open, setOpen] = useState<Open>(null);
  const close = () => setOpen(null);
  const setActive = useMutation(
    trpc.organization.setActive.mutationOptions({
      onSuccess: async (updated) => {
        await queryClient.invalidateQueries({ queryKey: trpc.organization.pathKey() });
        toast.success(updated.isActive ? `${updated.name} is active again` : `${updated.name} is suspended`);
        close();
      },
      onError: (error) => toast.error("Nothing was changed", { description: error.message }),
    }),
  );
  const limit = organization.plan?.creditLimit ?? "0";

  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        title={
          <span className="flex flex-wrap items-center gap-2">
            {organization.name}
            {organization.isActive ? <Badge variant="success">Active</Badge> : <Badge variant="destructive">Suspended</Badge>}
          </span>
        }
        description={organization.email}
        actions={
          <>
            <Button variant="outline" onClick={() => setOpen("edit")}>
              Edit
            </Button>
            {!organization.isPlatform ? (
              <>
                <Button variant="outline" asChild>
                  <Link href={`/admin/platform?compare=${organization.id}#compare`}>Compare with others</Link>
                </Button>
                <Button variant="outline" onClick={() => setOpen("actAs")}>
                  <Eye aria-hidden className="size-4" /> Act as
                </Button>
                <Button variant={organization.isActive ? "destructive" : "primary"} onClick={() => setOpen("suspend")}>
                  {organization.isActive ? "Suspend" : "Reactivate"}
                </Button>
              </>
            ) : null}
          </>
        }
      >
        <Link href="/admin/organizations" className="flex items-center gap-1 text-sm text-muted-foreground hover:text-foreground">
          <ArrowLeft aria-hidden className="size-4" /> Organizations
        </Link>
      </PageHeader>

      <Card>
        <CardHeader>
          <CardTitle>Profile and activity</CardTitle>
        </CardHeader>
        <CardContent>
          <dl className="grid grid-cols-2 gap-4 sm:grid-cols-4">
            <Fact label="Plan" value={organization.plan?.name ?? "No plan"} />
            <Fact label="Concurrent calls" value={organization.callConcurrencyLimit} />
            <Fact label="Phone (service)" value={organization.phoneServiceDisplay || "—"} />
            <Fact label="Location" value={organization.location ?? "—"} />
            <Fact label="Calls, last 30 days" value={formatNumber(organization.activity.callsLast30Days)} />
            <Fact label="Campaigns" value={formatNumber(organization.activity.campaigns)} />
            <Fact label="Service records" value={formatNumber(organization.activity.serviceRecords)} />
            <Fact label="Created" value={formatDateTime(organization.createdAt)} />
          </dl>
        </CardContent>
      </Card>

      <Card>
        <CardHeader className="flex flex-row flex-wrap items-start justify-between gap-2">
          <div>
            <CardTitle>Credit</CardTitle>
            <CardDescription>Manual removals stop at −{formatMoney(limit)} (the plan&apos;s credit limit).</CardDescription>
          </div>
          <Button variant="outline" onClick={() => setOpen("credits")}>
            Adjust credits
          </Button>
        </CardHeader>
        <CardContent className="flex flex-col gap-4">
          <p className="text-3xl font-semibold tabular-nums" data-testid="credit-balance">
            {formatMoney(organization.creditBalance)}
          </p>
          {organization.creditHistory.length === 0 ? (
            <p className="text-sm text-muted-foreground">No credit changes yet. Record a payment or adjust credits to start the history.</p>
          ) : (
            <Table>
              <TableHeader>
                <TableRow>
                  <TableHead>When</TableHead>
                  <TableHead>Kind</TableHead>
                  <TableHead>Reason</TableHead>
                  <TableHead className="text-right">Amount</TableHead>
                  <TableHead className="text-right">Balance after</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {organization.creditHistory.map((entry) => (
                  <TableRow key={String(entry.id)}>
                    <TableCell className="whitespace-nowrap">{formatDateTime(entry.createdAt)}</TableCell>
                    <TableCell>{kindLabels[entry.kind] ?? entry.kind}</TableCell>
                    <TableCell>
                      {entry.reason ?? "—"}
                      {entry.user ? <span className="block text-xs text-muted-foreground">by {entry.user.name}</span> : null}
                    </TableCell>
                    <TableCell className="text-right tabular-nums">{formatMoney(entry.amount)}</TableCell>
                    <TableCell className="text-right tabular-nums">{formatMoney(entry.balanceAfter)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </CardContent>
      </Card>

      <Card>
        <CardHeader className="flex flex-row flex-wrap items-start justify-between gap-2">
          <div>
            <CardTitle>Payments</CardTitle>
            <CardDescription>A payment adds its amount to the balance once it has succeeded; a refund takes it back.</CardDescription>
          </div>
          <Button variant="outline" onClick={() => setOpen("payment")}>
            Record payment
          </Button>
        </CardHeader>
        <CardContent>
          {organization.payments.length === 0 ? (
            <EmptyState title="No payments yet" description="Record the organization's first payment." />
          ) : (
            <Table>
              <TableHeader>
                <TableRow>
                  <TableHead>Date</TableHead>
                  <TableHead>Method</TableHead>
                  <TableHead>Plan</TableHead>
                  <TableHead className="text-right">Amount</TableHead>
                  <TableHead>Status</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {organization.payments.map((payment) => (
                  <TableRow key={String(payment.id)}>
                    <TableCell className="whitespace-nowrap">{formatDateTime(payment.paymentDate)}</TableCell>
                    <TableCell>{methodLabels[payment.method as keyof typeof methodLabels] ?? payment.method ?? "—"}</TableCell>
                    <TableCell>{payment.plan?.name ?? "—"}</TableCell>
                    <TableCell className="text-right tabular-nums">{formatMoney(payment.amount)}</TableCell>
                    <TableCell>
                      <PaymentStatusSelect id={payment.id} status={payment.status} />
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </CardContent>
      </Card>

      <Card>
        <CardHeader className="flex flex-row flex-wrap items-start justify-between gap-2">
          <div>
            <CardTitle>Users</CardTitle>
            <CardDescription>Who can sign in to this organization.</CardDescription>
          </div>
          <Button variant="outline" onClick={() => setOpen("user")}>
            Add user
          </Button>
        </CardHeader>
        <CardContent>
          {organization.users.length === 0 ? (
            <EmptyState title="No users yet" description="Add the organization's first Admin so they can sign in." />
          ) : (
            <Table>
              <TableHeader>
                <TableRow>
                  <TableHead>User</TableHead>
                  <TableHead>Role</TableHead>
                  <TableHead>Status</TableHead>
                  <TableHead>Last sign-in</TableHead>
                  <TableHead>
                    <span className="sr-only">Actions</span>
                  </TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {organization.users.map((user) => (
                  <TableRow key={String(user.id)}>
                    <TableCell>
                      <p className="font-medium">{user.name}</p>
                      <p className="text-xs text-muted-foreground">{user.email}</p>
                    </TableCell>
                    <TableCell>{roleLabels[user.role]}</TableCell>
                    <TableCell>{user.isActive ? <Badge variant="success">Active</Badge> : <Badge>Deactivated</Badge>}</TableCell>
                    <TableCell className="whitespace-nowrap">{user.lastSignInAt ? formatDateTime(user.lastSignInAt) : "Never"}</TableCell>
                    <TableCell className="text-right">
                      <UserActions user={user} roles={organization.isPlatform ? ["SuperAdmin"] : ["Admin", "Manager"]} isSelf={false} />
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </CardContent>
      </Card>

      <Dialog open={open !== null && open !== "suspend"} onOpenChange={(next) => !next && close()}>
        <DialogContent className={open === "edit" ? "max-w-2xl" : undefined}>
          <DialogHeader>
            <DialogTitle>
              {{ edit: `Edit ${organization.name}`, credits: "Adjust credits", payment: "Record a payment", user: `Add a user to ${organization.name}`, actAs: `Act as ${organization.name}` }[open as Exclude<Open, null | "suspend">] ?? ""}
            </DialogTitle>
            <DialogDescription>
              {open === "actAs" ? "You will see its workspace as its users do, with a banner and a way out." : open === "credits" ? `Current balance ${formatMoney(organization.creditBalance)}.` : organization.name}
            </DialogDescription>
          </DialogHeader>
          {open === "edit" ? <OrganizationForm organization={organization} onDone={close} /> : null}
          {open === "credits" ? <AdjustCreditsForm organizationId={organization.id} onDone={close} /> : null}
          {open === "payment" ? <PaymentForm organizationId={organization.id} planId={organization.plan?.id ?? null} onDone={close} /> : null}
          {open === "user" ? <UserCreateForm organizationId={organization.id} roles={organization.isPlatform ? ["SuperAdmin"] : ["Admin", "Manager"]} onDone={close} /> : null}
          {open === "actAs" ? <ActAsForm organizationId={organization.id} name={organization.name} /> : null}
        </DialogContent>
      </Dialog>
      <ConfirmDialog
        open={open === "suspend"}
        onOpenChange={(next) => !next && close()}
        title={organization.isActive ? `Suspend ${organization.name}?` : `Reactivate ${organization.name}?`}
        description={
          organization.isActive
            ? "Its users are signed out at their next request and cannot sign in; its API keys stop working. Its data stays."
            : "Its users can sign in again and its API keys work again."
        }
        confirmLabel={organization.isActive ? "Suspend" : "Reactivate"}
        destructive={organization.isActive}
        loading={setActive.isPending}
        onConfirm={() => setActive.mutate({ id: organization.id, isActive: !organization.isActive })}
      />
    </div>
  );
}
