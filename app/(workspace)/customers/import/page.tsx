import type { Metadata } from "next";
import Link from "next/link";
import { CsvImport } from "@/components/customers/csv-import";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Import customers" };

export default function ImportCustomersPage() {
  return (
    <div className="flex flex-col gap-2">
      <PageHeader title="Import customers" description="Every row is checked before anything is written; then the import runs in one transaction.">
        <nav aria-label="Breadcrumb" className="text-sm text-muted-foreground">
          <Link href="/customers" className="underline-offset-4 hover:underline">
            Customers
          </Link>{" "}
          / Import
        </nav>
      </PageHeader>
      <CsvImport />
    </div>
  );
}
