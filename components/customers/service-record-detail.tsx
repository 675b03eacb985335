"use client";

import { useMutation, useSuspenseQuery } from "@tanstack/react-query";
import { CalendarPlus, Pencil, Trash2 } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { toast } from "@/components/ui/toaster";
import { formatDateTime } from "@/lib/format";
import { useTRPC } from "@/lib/trpc/react";
import { lazyDialogPart } from "@/components/ui/lazy";

const BookingForm = lazyDialogPart(() => import("@/components/bookings/booking-form").then((module) => module.BookingForm));
const ServiceRecordForm = lazyDialogPart(() => import("./service-record-form").then((module) => module.ServiceRecordForm));

function formatDuration(seconds: number | null): string {
  if (seconds === null) return "—";
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, "0")}`;
}

/** The id stays a string in query inputs: the server prefetch dehydrates query keys as plain JSON, where a BigInt cannot go. */
export function ServiceRecordDetail({ recordId: idText }: { recordId: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const { data: record } = useSuspenseQuery(trpc.serviceRecord.byId.queryOptions({ id: idText }));
  const { data: organization } = useSuspenseQuery(trpc.organization.current.queryOptions());
  const timezone = organization.timezone;
  const [dialog, setDialog] = useState<"edit" | "book" | "delete" | null>(null);
  const remove = useMutation(
    trpc.serviceRecord.delete.mutationOptions({
      onSuccess: () => {
        toast.success("Customer deleted");
        setDialog(null);
        router.push("/customers");
      },
      onError: (error) => {
        setDialog(null);
        toast.error("The customer was not deleted", { description: error.message });
      },
    }),
  );
  const facts: [string, React.ReactNode][] = [
    ["Phone", record.customerPhoneDisplay || "—"],
    ["Vehicle", record.vehicleInfo ?? "—"],
    ["Service type", record.serviceType ?? "—"],
    ["Status", <Badge key="status" variant="outline">{record.status}</Badge>],
    ["Appointment", formatDateTime(record.appointmentDate, timezone)],
    ["Campaign", record.campaign ? <Link key="campaign" href={`/campaigns/${record.campaign.id}`} className="text-primary underline-offset-4 hover:underline">{record.campaign.name}</Link> : "—"],
    ["Rating", record.rating ? `${record.rating} of 5` : "—"],
    ["Do not call", record.doNotCall ? "Yes" : "No"],
  ];

  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        title={record.customerName ?? "Unnamed customer"}
        description={`Added ${formatDateTime(record.createdAt, timezone)}`}
        actions={
          <>
            <Button onClick={() => setDialog("book")}>
              <CalendarPlus aria-hidden /> Book appointment
            </Button>
            <Button variant="outline" onClick={() => setDialog("edit")}>
              <Pencil aria-hidden /> Edit
            </Button>
            <Button variant="ghost" onClick={() => setDialog("delete")}>
              <Trash2 aria-hidden /> Delete
            </Button>
          </>
        }
      >
        <nav aria-label="Breadcrumb" className="text-sm text-muted-foreground">
          <Link href="/customers" className="underline-offset-4 hover:underline">
            Customers
          </Link>{" "}
          / {record.customerName}
        </nav>
      </PageHeader>

      <Card>
        <CardContent className="pt-6">
          <dl className="grid grid-cols-2 gap-4 sm:grid-cols-4">
            {facts.map(([label, value]) => (
              <div key={label}>
                <dt className="text-xs text-muted-foreground">{label}</dt>
                <dd className="mt-0.5 text-sm font-medium">{value}</dd>
              </div>
            ))}
          </dl>
          <div className="mt-4">
            <h2 className="text-xs text-muted-foreground">Feedback</h2>
            <p className="mt-0.5 whitespace-pre-wrap text-sm">{record.feedback ?? "No feedback yet."}</p>
          </div>
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle>Bookings</CardTitle>
        </CardHeader>
        <CardContent>
          {record.bookings.length === 0 ? (
            <p className="text-sm text-muted-foreground">No appointment booked. Use “Book appointment” when the customer agrees to a time.</p>
          ) : (
            <Table aria-label="Bookings">
              <TableHeader>
                <TableRow>
                  <TableHead>When</TableHead>
                  <TableHead>Status</TableHead>
                  <TableHead>Campaign</TableHead>
                  <TableHead>Call</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {record.bookings.map((booking) => (
                  <TableRow key={String(booking.id)}>
                    <TableCell>{formatDateTime(booking.scheduledTime, timezone)}</TableCell>
                    <TableCell>
                      <Badge variant="outline">{booking.status}</Badge>
                    </TableCell>
                    <TableCell>{booking.campaign?.name ?? "—"}</TableCell>
                    <TableCell>{booking.callId ? <Link href={`/calls/${booking.callId}`} className="underline-offset-4 hover:underline">Call #{String(booking.callId)}</Link> : "—"}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle>Calls ({record._count.calls})</CardTitle>
        </CardHeader>
        <CardContent>
          {record.calls.length === 0 ? (
            <p className="text-sm text-muted-foreground">Not called yet. Customers in an active campaign are called within its schedule.</p>
          ) : (
            <Table aria-label="Calls">
              <TableHeader>
                <TableRow>
                  <TableHead>Started</TableHead>
                  <TableHead>Direction</TableHead>
                  <TableHead>Status</TableHead>
                  <TableHead>Outcome</TableHead>
                  <TableHead className="text-right">Duration</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {record.calls.map((call) => (
                  <TableRow key={String(call.id)}>
                    <TableCell>
                      <Link href={`/calls/${call.id}`} className="underline-offset-4 hover:underline">
                        {formatDateTime(call.startTime, timezone)}
                      </Link>
                    </TableCell>
                    <TableCell>{call.direction}</TableCell>
                    <TableCell>{call.status}</TableCell>
                    <TableCell>{call.outcome ?? "—"}</TableCell>
                    <TableCell className="text-right tabular-nums">{formatDuration(call.durationSec)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </CardContent>
      </Card>

      <Dialog open={dialog === "edit"} onOpenChange={(open) => setDialog(open ? "edit" : null)}>
        <DialogContent className="max-h-[90vh] overflow-y-auto sm:max-w-2xl">
          <DialogHeader>
            <DialogTitle>Edit customer</DialogTitle>
            <DialogDescription>Phone numbers are stored in international format.</DialogDescription>
          </DialogHeader>
          <ServiceRecordForm record={record} timezone={timezone} onSaved={() => setDialog(null)} />
        </DialogContent>
      </Dialog>
      <Dialog open={dialog === "book"} onOpenChange={(open) => setDialog(open ? "book" : null)}>
        <DialogContent>
          <DialogHeader>
            <DialogTitle>Book an appointment</DialogTitle>
            <DialogDescription>For {record.customerName}{record.campaign ? `, from ${record.campaign.name}` : ""}.</DialogDescription>
          </DialogHeader>
          <BookingForm serviceRecordId={record.id} callId={record.calls[0]?.id ?? null} timezone={timezone} onSaved={() => setDialog(null)} />
        </DialogContent>
      </Dialog>
      <ConfirmDialog
        open={dialog === "delete"}
        onOpenChange={(open) => setDialog(open ? "delete" : null)}
        title="Delete this customer?"
        description={record._count.calls > 0 ? `This record has ${record._count.calls} calls and cannot be deleted; mark it do-not-call instead.` : "The service record is removed for good."}
        confirmLabel="Delete"
        destructive
        loading={remove.isPending}
        onConfirm={() => remove.mutate({ id: record.id })}
      />
    </div>
  );
}
