import type { Metadata } from "next";
import { Suspense } from "react";
import { PaymentTable } from "@/components/billing/payment-table";
import { PageHeader } from "@/components/ui/page-header";
import { Skeleton } from "@/components/ui/skeleton";
import type { PageSearchParams } from "@/lib/search-params";
import { paymentFiltersFromParams } from "@/lib/validation/payment";

export const metadata: Metadata = { title: "Payments" };

export default async function PaymentsPage({ searchParams }: { searchParams: Promise<PageSearchParams> }) {
  const filters = paymentFiltersFromParams(await searchParams);
  return (
    <div className="flex flex-col gap-2">
      <PageHeader title="Payments" description="Every organization's payments. Succeeded payments are credited once; refunds take them back." />
      <Suspense fallback={<Skeleton className="h-64 w-full" />}>
        <PaymentTable scope="platform" filters={filters} />
      </Suspense>
    </div>
  );
}
