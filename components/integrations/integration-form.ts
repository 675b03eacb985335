import type { FieldErrors, Resolver } from "react-hook-form";
import { dmsIntegrationCreateInput, dmsIntegrationUpdateInput } from "@/lib/validation/dms-integration";
import type { DmsType } from "@/lib/validation/dms-integration";

// The form keeps every type's fields side by side (switching type loses nothing); the input the
// router takes is built from it and checked with the router's own schema.

export type IntegrationFormValues = {
  name: string;
  type: DmsType;
  fields: { dealerId: string; endpointUrl: string; clientId: string; secret: string; syncIntervalMinutes: string };
  json: string;
};

export type IntegrationRow = { id: bigint; name: string; type: string; config: Record<string, unknown>; secretKeys: string[]; isActive: boolean; updatedAt?: Date };

export function toIntegrationInput(values: IntegrationFormValues) {
  if (values.type === "Other") return { name: values.name, type: values.type, config: values.json };
  const { clientId, ...common } = values.fields;
  return { name: values.name, type: values.type, config: values.type === "PBS" ? common : { ...common, clientId } };
}

const text = (value: unknown) => (value === undefined || value === null ? "" : String(value));

export function toFormValues(row: IntegrationRow | null): IntegrationFormValues {
  const config = row?.config ?? {};
  const type = (row?.type ?? "CDK") as DmsType;
  return {
    name: row?.name ?? "",
    type,
    fields: { dealerId: text(config.dealerId), endpointUrl: text(config.endpointUrl), clientId: text(config.clientId), secret: "", syncIntervalMinutes: text(config.syncIntervalMinutes || 60) },
    json: type === "Other" ? JSON.stringify(config, null, 2) : "{}",
  };
}

function formPath(path: PropertyKey[]): string {
  const [head, field] = path.map(String);
  if (head === "config") return field ? `fields.${field}` : "json";
  return head ?? "root";
}

/** Checks the built input with the router's schema and puts each issue on its form field. */
export function integrationResolver(editing: boolean): Resolver<IntegrationFormValues> {
  return async (values) => {
    const input = toIntegrationInput(values);
    const parsed = editing ? dmsIntegrationUpdateInput.safeParse({ ...input, id: 1 }) : dmsIntegrationCreateInput.safeParse(input);
    if (parsed.success) return { values, errors: {} };
    const errors: Record<string, unknown> = {};
    for (const issue of parsed.error.issues) {
      const path = formPath(issue.path);
      const [group, field] = path.split(".") as [string, string | undefined];
      if (field) {
        const nested = (errors[group] ??= {}) as Record<string, unknown>;
        nested[field] ??= { type: "validate", message: issue.message };
      } else errors[group] ??= { type: "validate", message: issue.message };
    }
    return { values: {}, errors: errors as FieldErrors<IntegrationFormValues> };
  };
}
