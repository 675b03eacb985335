import type { Metadata } from "next";
import { BookingBoard } from "@/components/bookings/booking-board";
import { PageHeader } from "@/components/ui/page-header";
import { getQueryClient, HydrateClient, trpc } from "@/lib/trpc/server";

export const metadata: Metadata = { title: "Bookings" };

export default async function BookingsPage() {
  const organization = await getQueryClient().fetchQuery(trpc.organization.current.queryOptions());
  return (
    <div className="flex flex-col gap-2">
      <PageHeader title="Bookings" description="Service appointments the voice agents and your team booked." />
      <HydrateClient>
        <BookingBoard timezone={organization.timezone} />
      </HydrateClient>
    </div>
  );
}
