"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { FieldPath } from "react-hook-form";
import type { z } from "zod";
import { Button } from "@/components/ui/button";
import { DialogFooter } from "@/components/ui/dialog";
import { fieldA11y, FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import { toast } from "@/components/ui/toaster";
import { formatPhone } from "@/lib/format-phone";
import { useTRPC } from "@/lib/trpc/react";
import { inquiryInput } from "@/lib/validation/inquiry";
import type { InquiryFormValues } from "@/lib/validation/inquiry";
import type { AppRouter } from "@/server/api/root";

export type InquiryDetail = inferRouterOutputs<AppRouter>["inquiry"]["byId"];
type ServerError = { message: string; data?: { code?: string; zodError?: { fieldErrors?: Record<string, string[] | undefined> } | null } | null };
type Saved = { customerName: string | null };

const formValues = (inquiry?: InquiryDetail): InquiryFormValues => ({
  customerName: inquiry?.customerName ?? "",
  email: inquiry?.email ?? "",
  phone: inquiry ? formatPhone(inquiry.phone) : "",
  message: inquiry?.message ?? "",
});
const fieldNames = new Set(["customerName", "email", "phone", "message"]);

/**
 * A new inquiry, or an edit of `inquiry`: the fields of inquiry.create / inquiry.update (same zod schema).
 * An edit sends the updated_at it was opened with; if someone saved in between, their version is loaded into the form.
 */
export function InquiryForm({ inquiry, onSaved, onCancel }: { inquiry?: InquiryDetail; onSaved: () => void; onCancel: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [version, setVersion] = useState(inquiry);
  const [conflict, setConflict] = useState<string | null>(null);
  const form = useForm<InquiryFormValues, unknown, z.output<typeof inquiryInput>>({ resolver: zodResolver(inquiryInput), defaultValues: formValues(inquiry), mode: "onBlur" });
  const { errors } = form.formState;
  const invalidate = () => void queryClient.invalidateQueries({ queryKey: trpc.inquiry.pathKey() });

  const reload = async (id: bigint, message: string) => {
    try {
      const fresh = await queryClient.fetchQuery({ ...trpc.inquiry.byId.queryOptions({ id: String(id) }), staleTime: 0 });
      setVersion(fresh);
      form.reset(formValues(fresh));
      setConflict(message);
    } catch (error) {
      setConflict(error instanceof Error ? error.message : "This inquiry could not be loaded again.");
    }
  };
  const options = {
    onSuccess: (saved: Saved) => {
      toast.success(version ? "Inquiry saved" : "Inquiry added", { description: saved.customerName ?? undefined });
      invalidate();
      onSaved();
    },
    onError: (error: ServerError) => {
      if (error.data?.code === "CONFLICT" && version) {
        toast.error("Not saved: the inquiry changed", { description: "Their version is in the form now." });
        void reload(version.id, error.message);
        invalidate();
        return;
      }
      for (const [field, messages] of Object.entries(error.data?.zodError?.fieldErrors ?? {})) {
        if (messages?.[0] && fieldNames.has(field)) form.setError(field as FieldPath<InquiryFormValues>, { message: messages[0] });
      }
      toast.error(version ? "The inquiry was not saved" : "The inquiry was not added", { description: error.message });
    },
  };
  const create = useMutation(trpc.inquiry.create.mutationOptions(options));
  const update = useMutation(trpc.inquiry.update.mutationOptions(options));
  const pending = create.isPending || update.isPending;
  const onSubmit = form.handleSubmit(() => {
    setConflict(null);
    const values = form.getValues();
    if (version) update.mutate({ ...values, id: version.id, expectedUpdatedAt: version.updatedAt });
    else create.mutate(values);
  });
  const prefix = version ? "edit-inquiry" : "new-inquiry";
  const field = (name: "customerName" | "email" | "phone" | "message") => ({ ...fieldA11y(`${prefix}-${name}`, errors[name]?.message), ...form.register(name) });

  return (
    <form noValidate aria-label={version ? "Edit inquiry" : "New inquiry"} className="grid gap-4" onSubmit={onSubmit}>
      {conflict ? (
        <p role="alert" className="rounded-md border border-warning/50 bg-warning/10 p-3 text-sm">
          {conflict} Check the fields below, then save again.
        </p>
      ) : null}
      <FormField label="Customer name" htmlFor={`${prefix}-customerName`} error={errors.customerName?.message} required>
        <Input {...field("customerName")} autoComplete="off" required />
      </FormField>
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField label="Phone" htmlFor={`${prefix}-phone`} error={errors.phone?.message} className="content-start">
          <Input type="tel" {...field("phone")} autoComplete="off" />
        </FormField>
        <FormField label="Email" htmlFor={`${prefix}-email`} error={errors.email?.message} className="content-start">
          <Input type="email" {...field("email")} autoComplete="off" />
        </FormField>
      </div>
      <FormField label="Message" htmlFor={`${prefix}-message`} error={errors.message?.message}>
        <Textarea rows={4} {...field("message")} />
      </FormField>
      <DialogFooter>
        <Button variant="outline" onClick={onCancel} disabled={pending}>
          Cancel
        </Button>
        <Button type="submit" loading={pending}>
          {version ? "Save inquiry" : "Add inquiry"}
        </Button>
      </DialogFooter>
    </form>
  );
}
