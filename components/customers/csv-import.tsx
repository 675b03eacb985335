"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { CheckCircle2, FileWarning } from "lucide-react";
import Link from "next/link";
import { useSearchParams } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardFooter, CardHeader, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { LazySelect } from "@/components/ui/lazy-select";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { toast } from "@/components/ui/toaster";
import { formatNumber } from "@/lib/format";
import { useTRPC } from "@/lib/trpc/react";
import { csvColumnLabels, csvColumns, maxImportBytes, maxImportRows, maxImportSize } from "@/lib/csv-columns";
import type { CsvColumn } from "@/lib/csv-columns";
import { parseCsv } from "@/server/services/csv";

type Mode = "all_or_nothing" | "valid_only";
type LoadedFile = { name: string; text: string; header: string[]; sample: string[][]; rows: number };

const normalize = (value: string) => value.toLowerCase().replace(/[^a-z0-9]/g, "");
const guesses: Record<CsvColumn, string[]> = {
  customer_name: ["customername", "name", "customer", "fullname"],
  customer_phone: ["customerphone", "phone", "phonenumber", "mobile", "tel"],
  vehicle_info: ["vehicleinfo", "vehicle", "car", "vin"],
  service_type: ["servicetype", "service"],
  status: ["status"],
  appointment_date: ["appointmentdate", "appointment", "date"],
  rating: ["rating", "stars"],
  do_not_call: ["donotcall", "dnc"],
  feedback: ["feedback", "notes", "comment"],
  campaign: ["campaign", "campaignname"],
};

const rowsLabel = (verb: string, count: number) => `${verb} ${formatNumber(count)} ${count === 1 ? "row" : "rows"}`;

function guessMapping(header: string[]): Partial<Record<CsvColumn, string>> {
  const mapping: Partial<Record<CsvColumn, string>> = {};
  for (const column of csvColumns) {
    const found = header.find((cell) => guesses[column].includes(normalize(cell)));
    if (found) mapping[column] = found;
  }
  return mapping;
}

export function CsvImport() {
  const trpc = useTRPC();
  const searchParams = useSearchParams();
  const campaigns = useQuery(trpc.campaign.list.queryOptions({ sort: "name", direction: "asc" }));
  const [file, setFile] = useState<LoadedFile | null>(null);
  const [readError, setReadError] = useState<string | null>(null);
  const [mapping, setMapping] = useState<Partial<Record<CsvColumn, string>>>({});
  const [campaignId, setCampaignId] = useState<string>(searchParams.get("campaignId") ?? "none");
  const [mode, setMode] = useState<Mode>("all_or_nothing");
  const importCsv = useMutation(trpc.serviceRecord.importCsv.mutationOptions({ onError: (error) => toast.error("The file was not imported", { description: error.message }) }));
  const report = importCsv.data;

  async function onFile(selected: File | undefined) {
    importCsv.reset();
    setReadError(null);
    setFile(null);
    if (!selected) return;
    if (selected.size > maxImportBytes) return setReadError(`The file is larger than ${maxImportSize}. Split it and import the parts.`);
    const text = await selected.text();
    const table = parseCsv(text);
    if (table.length < 2) return setReadError("The file has no rows under its header.");
    if (table.length - 1 > maxImportRows) return setReadError(`The file has ${formatNumber(table.length - 1)} rows; import at most ${formatNumber(maxImportRows)} at a time.`);
    const header = table[0]!.map((cell) => cell.trim());
    setFile({ name: selected.name, text, header, sample: table.slice(1, 6), rows: table.length - 1 });
    setMapping(guessMapping(header));
  }

  const submit = (dryRun: boolean) => {
    if (!file) return;
    importCsv.mutate(
      { csv: file.text, mapping, campaignId: campaignId === "none" ? null : campaignId, mode, dryRun },
      {
        onSuccess: (result) => {
          if (!dryRun && result.written) toast.success(`Imported: ${formatNumber(result.created)} added, ${formatNumber(result.updated)} updated`);
          if (!dryRun && !result.written) toast.error("Nothing was imported", { description: "Fix the rows in the report, or choose to import only the valid rows." });
        },
      },
    );
  };
  const checking = importCsv.isPending && importCsv.variables?.dryRun;
  const writing = importCsv.isPending && !importCsv.variables?.dryRun;
  const mapped = Boolean(mapping.customer_name && mapping.customer_phone);
  const checkedOnce = report && !report.written;
  const canWrite = checkedOnce && report.validRows > 0 && (mode === "valid_only" || report.invalidRows === 0);

  return (
    <div className="flex flex-col gap-6">
      <Card>
        <CardHeader>
          <CardTitle>1. Choose a file</CardTitle>
          <CardDescription>A CSV file with a header row, up to {formatNumber(maxImportRows)} rows ({maxImportSize}). The export of the customers list has the right columns.</CardDescription>
        </CardHeader>
        <CardContent className="grid gap-2">
          <Label htmlFor="csv-file">CSV file</Label>
          <Input id="csv-file" type="file" accept=".csv,text/csv" onChange={(event) => void onFile(event.target.files?.[0])} aria-describedby={readError ? "csv-file-error" : undefined} />
          {readError ? (
            <p id="csv-file-error" role="alert" className="text-sm font-medium text-destructive">
              {readError}
            </p>
          ) : null}
          {file ? <p className="text-sm text-muted-foreground">{file.name}: {formatNumber(file.rows)} rows, {file.header.length} columns.</p> : null}
        </CardContent>
      </Card>

      {file ? (
        <Card>
          <CardHeader>
            <CardTitle>2. Match the columns</CardTitle>
            <CardDescription>Name and phone are needed; fields without a column stay empty. Same phone and vehicle in the same campaign updates the existing customer.</CardDescription>
          </CardHeader>
          <CardContent className="flex flex-col gap-6">
            <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
              {csvColumns.map((column) => (
                <div key={column} className="grid gap-1.5">
                  <Label htmlFor={`map-${column}`}>{csvColumnLabels[column]}</Label>
                  <LazySelect
                    id={`map-${column}`}
                    value={mapping[column] ?? "__none"}
                    onValueChange={(value) => { importCsv.reset(); setMapping((current) => ({ ...current, [column]: value === "__none" ? undefined : value })); }}
                    options={[{ value: "__none", label: "Not imported" }, ...file.header.filter(Boolean).map((header) => ({ value: header, label: header }))]}
                  />
                </div>
              ))}
              <div className="grid gap-1.5">
                <Label htmlFor="import-campaign">Campaign for rows without one</Label>
                <LazySelect
                  id="import-campaign"
                  value={campaignId}
                  onValueChange={(value) => { importCsv.reset(); setCampaignId(value); }}
                  options={[{ value: "none", label: "No campaign" }, ...(campaigns.data ?? []).map((campaign) => ({ value: String(campaign.id), label: campaign.name }))]}
                />
              </div>
            </div>
            <div>
              <h3 className="mb-2 text-sm font-semibold">Preview of the first rows</h3>
              <Table aria-label="Preview of the file">
                <TableHeader>
                  <TableRow>
                    {csvColumns.filter((column) => mapping[column]).map((column) => (
                      <TableHead key={column}>{csvColumnLabels[column]}</TableHead>
                    ))}
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {file.sample.map((cells, rowIndex) => (
                    <TableRow key={rowIndex}>
                      {csvColumns.filter((column) => mapping[column]).map((column) => (
                        <TableCell key={column}>{cells[file.header.indexOf(mapping[column]!)] ?? ""}</TableCell>
                      ))}
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </div>
          </CardContent>
          <CardFooter className="justify-end">
            <Button onClick={() => submit(true)} loading={checking} disabled={!mapped || importCsv.isPending}>
              {rowsLabel("Check", file.rows)}
            </Button>
          </CardFooter>
        </Card>
      ) : null}

      <p role="status" className="text-sm text-muted-foreground">
        {checking ? `Checking ${formatNumber(file?.rows ?? 0)} rows…` : writing ? `Importing ${formatNumber(report?.validRows ?? file?.rows ?? 0)} rows in one transaction…` : ""}
      </p>

      {report ? (
        <Card>
          <CardHeader>
            <CardTitle>{report.written ? "3. Imported" : "3. Check the report"}</CardTitle>
            <CardDescription>
              {formatNumber(report.totalRows)} rows: {formatNumber(report.validRows)} valid, {formatNumber(report.invalidRows)} with errors
              {report.duplicateRows ? `, ${formatNumber(report.duplicateRows)} repeated in the file` : ""}.{" "}
              {report.written ? `Added ${formatNumber(report.created)}, updated ${formatNumber(report.updated)}.` : `Importing adds ${formatNumber(report.toCreate)} and updates ${formatNumber(report.toUpdate)}.`}
            </CardDescription>
          </CardHeader>
          <CardContent className="flex flex-col gap-4">
            {report.written ? (
              <p className="flex items-center gap-2 text-sm">
                <CheckCircle2 aria-hidden className="size-4 text-emerald-600" /> Done.{" "}
                <Link href="/customers" className="text-primary underline-offset-4 hover:underline">
                  See the customers
                </Link>
              </p>
            ) : null}
            {report.errors.length ? (
              <div>
                <h3 className="mb-2 flex items-center gap-2 text-sm font-semibold">
                  <FileWarning aria-hidden className="size-4 text-destructive" /> Rows with errors
                </h3>
                <Table aria-label="Rows with errors">
                  <TableHeader>
                    <TableRow>
                      <TableHead>Row</TableHead>
                      <TableHead>Field</TableHead>
                      <TableHead>Problem</TableHead>
                    </TableRow>
                  </TableHeader>
                  <TableBody>
                    {report.errors.map((error, index) => (
                      <TableRow key={`${error.row}-${error.field}-${index}`}>
                        <TableCell className="tabular-nums">{error.row}</TableCell>
                        <TableCell>{csvColumnLabels[error.field as CsvColumn] ?? error.field}</TableCell>
                        <TableCell>{error.message}</TableCell>
                      </TableRow>
                    ))}
                  </TableBody>
                </Table>
              </div>
            ) : null}
            {!report.written ? (
              <fieldset className="flex flex-col gap-2">
                <legend className="mb-1 text-sm font-semibold">When some rows have errors</legend>
                {(
                  [
                    ["all_or_nothing", "Import nothing until every row is right"],
                    ["valid_only", "Import only the valid rows"],
                  ] as const
                ).map(([value, label]) => (
                  <label key={value} className="flex items-center gap-2 text-sm">
                    <input type="radio" name="import-mode" value={value} checked={mode === value} onChange={() => setMode(value)} className="size-4 accent-primary" />
                    {label}
                  </label>
                ))}
              </fieldset>
            ) : null}
          </CardContent>
          {!report.written ? (
            <CardFooter className="justify-end">
              <Button onClick={() => submit(false)} loading={writing} disabled={!canWrite || importCsv.isPending}>
                {rowsLabel("Import", mode === "valid_only" ? report.validRows : report.totalRows)}
              </Button>
            </CardFooter>
          ) : null}
        </Card>
      ) : null}
    </div>
  );
}
