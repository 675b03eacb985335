"use client";

import { Download, X } from "lucide-react";
import { Button, buttonVariants } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { FilterSelect } from "@/components/ui/filter-select";
import { auditLogFilterKeys } from "@/lib/audit-log-filters";
import type { AuditLogFilterValues } from "@/lib/audit-log-filters";
import { auditActions, auditEntities } from "@/lib/value-sets";


export function AuditFilters({ values, users, exportHref, onChange }: { values: AuditLogFilterValues; users: { id: bigint; name: string }[]; exportHref: string; onChange: (next: Partial<AuditLogFilterValues>) => void }) {
  const active = auditLogFilterKeys.some((key) => values[key]);
  return (
    <div className="flex flex-col gap-3 rounded-lg border border-border bg-card p-4 sm:flex-row sm:flex-wrap sm:items-end" role="search" aria-label="Filter the audit log">
      <FilterSelect id="filter-user" label="User" value={values.userId || undefined} options={users.map((user) => ({ value: String(user.id), label: user.name }))} onChange={(userId) => onChange({ userId: userId ?? "" })} anyLabel="Any" triggerClassName="w-full sm:w-44" />
      <FilterSelect id="filter-entity" label="Entity" value={values.entity || undefined} options={auditEntities.map((entity) => ({ value: entity, label: entity.replaceAll("_", " ") }))} onChange={(entity) => onChange({ entity: entity ?? "" })} anyLabel="Any" triggerClassName="w-full sm:w-44" />
      <FilterSelect id="filter-action" label="Action" value={values.action || undefined} options={auditActions.map((action) => ({ value: action, label: action.replaceAll("_", " ") }))} onChange={(action) => onChange({ action: action ?? "" })} anyLabel="Any" triggerClassName="w-full sm:w-44" />
      <div className="grid gap-1.5">
        <Label htmlFor="filter-from">From</Label>
        <Input id="filter-from" type="date" value={values.from} max={values.to || undefined} onChange={(event) => onChange({ from: event.target.value })} className="sm:w-40" />
      </div>
      <div className="grid gap-1.5">
        <Label htmlFor="filter-to">To</Label>
        <Input id="filter-to" type="date" value={values.to} min={values.from || undefined} onChange={(event) => onChange({ to: event.target.value })} className="sm:w-40" />
      </div>
      <div className="flex gap-2 sm:ml-auto">
        {active ? (
          <Button variant="ghost" onClick={() => onChange({ userId: "", entity: "", action: "", from: "", to: "" })}>
            <X /> Clear
          </Button>
        ) : null}
        <a href={exportHref} download className={buttonVariants({ variant: "outline" })}>
          <Download aria-hidden /> Export CSV
        </a>
      </div>
    </div>
  );
}
