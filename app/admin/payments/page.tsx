import type { Metadata } from "next";
import { Suspense } from "react";
import { PaymentTable } from "@/components/billing/payment-table";
import { PageHeader } from "@/components/ui/page-header";
import { Skeleton } from "@/components/ui/skeleton";

export const metadata: Metadata = { title: "Payments" };

export default function PaymentsPage() {
  return (
    <div className="flex flex-col gap-2">
      <PageHeader title="Payments" description="Every organization's payments. Succeeded payments are credited once; refunds take them back." />
      <Suspense fallback={<Skeleton className="h-64 w-full" />}>
        <PaymentTable scope="platform" />
      </Suspense>
    </div>
  );
}
