"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Check } from "lucide-react";
import { useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Checkbox } from "@/components/ui/checkbox";
import { cn } from "@/components/ui/cn";
import { fieldA11y, FormField } from "@/components/ui/form-field";
import { LazySelect } from "@/components/ui/lazy-select";
import { Textarea } from "@/components/ui/textarea";
import { toast } from "@/components/ui/toaster";
import { reviewNotesLimit, reviewNotesTooLong } from "@/lib/call-filters";
import { formatDateTime, formatNumber } from "@/lib/format";
import { useTRPC } from "@/lib/trpc/react";
import { callOutcomes } from "@/lib/value-sets";
import { useHydrated } from "@/lib/use-hydrated";
import { outcomeLabel } from "./call-format";

const noOutcome = "none";
const outcomeOptions = [{ value: noOutcome, label: "No outcome" }, ...callOutcomes.map((outcome) => ({ value: outcome, label: outcomeLabel(outcome) }))];

type ServerError = { message: string; data?: { zodError?: { fieldErrors?: Record<string, string[] | undefined> } | null } | null };

// The fields that show an error, in the order of the form (the first one with an error takes the focus).
const reviewFields = ["outcome", "notes"] as const;
type ReviewField = (typeof reviewFields)[number];
type FieldErrors = Partial<Record<ReviewField, string>>;

export type ReviewedCall = {
  id: bigint;
  outcome: string | null;
  reviewNotes: string | null;
  reviewedAt: Date | null;
  reviewer: { name: string } | null;
  tags: { id: bigint; name: string }[];
};

function useInvalidateCallLists() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  // Not byId: refetching it would record another view for compliant organizations.
  return () =>
    Promise.all(
      [trpc.calls.list, trpc.calls.statusCounts, trpc.calls.reviewQueue, trpc.calls.neighbors, trpc.calls.search].map((procedure) =>
        queryClient.invalidateQueries({ queryKey: procedure.pathKey() }),
      ),
    );
}

/**
 * Plain state rather than a form library: three fields, and the server (callReviewInput) validates. The browser
 * checks the one rule a user can break, the length of the notes, as they type.
 */
export function ReviewPanel({ call, timeZone, nextHref, onNext }: { call: ReviewedCall; timeZone: string; nextHref: string | null; onNext: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const invalidateLists = useInvalidateCallLists();
  const hydrated = useHydrated();

  const stored = { id: String(call.id), outcome: call.outcome ?? "", notes: call.reviewNotes ?? "" };
  // Saving the form is the act of reviewing: the box starts ticked; untick it to put a call back in the queue.
  const [reviewed, setReviewed] = useState(true);
  const [outcome, setOutcome] = useState(stored.outcome);
  const [notes, setNotes] = useState(stored.notes);
  const [serverErrors, setServerErrors] = useState<FieldErrors>({});
  // The call came back saved (or is another call): show its values, but keep what the user is editing.
  const [shown, setShown] = useState(stored);
  if (shown.id !== stored.id || shown.outcome !== stored.outcome || shown.notes !== stored.notes) {
    const otherCall = shown.id !== stored.id;
    setShown(stored);
    if (otherCall || outcome === shown.outcome) setOutcome(stored.outcome);
    if (otherCall || notes === shown.notes) setNotes(stored.notes);
    if (otherCall) {
      setReviewed(true);
      setServerErrors({});
    }
  }

  const notesLength = notes.trim().length;
  const errors: FieldErrors = { outcome: serverErrors.outcome, notes: serverErrors.notes ?? (notesLength > reviewNotesLimit ? reviewNotesTooLong : undefined) };

  // The fieldset is disabled while saving: the field with an error takes the focus once it is enabled again.
  const [focusRequest, setFocusRequest] = useState<{ field: ReviewField } | null>(null);
  const save = useMutation(
    trpc.calls.setReview.mutationOptions({
      onSuccess: (updated) => {
        queryClient.setQueryData(trpc.calls.byId.queryKey({ id: String(call.id) }), (previous) =>
          previous ? { ...previous, outcome: updated.outcome, reviewNotes: updated.reviewNotes, reviewedAt: updated.reviewedAt, reviewer: updated.reviewer } : previous,
        );
        setServerErrors({});
        void invalidateLists();
        toast.success(updated.reviewedAt ? "Review saved" : "Marked as not reviewed");
      },
      onError: (error: ServerError) => {
        const fieldErrors = error.data?.zodError?.fieldErrors ?? {};
        const next: FieldErrors = {};
        for (const field of reviewFields) if (fieldErrors[field]?.[0]) next[field] = fieldErrors[field][0];
        setServerErrors(next);
        const first = reviewFields.find((field) => next[field]);
        setFocusRequest(first ? { field: first } : null);
        toast.error("The review was not saved", { description: error.message });
      },
    }),
  );
  useEffect(() => {
    if (focusRequest && !save.isPending) document.getElementById(focusRequest.field)?.focus();
  }, [focusRequest, save.isPending]);

  const clearServerError = (field: ReviewField) => setServerErrors((previous) => (previous[field] ? { ...previous, [field]: undefined } : previous));

  const submit = (andNext: boolean) => {
    const invalid = reviewFields.find((field) => errors[field] && !serverErrors[field]);
    if (invalid) {
      document.getElementById(invalid)?.focus();
      return;
    }
    setServerErrors({});
    setFocusRequest(null);
    save.mutate(
      { id: String(call.id), reviewed, outcome, notes },
      {
        onSuccess: () => {
          if (andNext) onNext();
        },
      },
    );
  };

  return (
    <Card>
      <CardHeader>
        <CardTitle as="h2">Review</CardTitle>
        <CardDescription>
          {call.reviewedAt ? `Reviewed by ${call.reviewer?.name ?? "a former user"} on ${formatDateTime(call.reviewedAt, timeZone)}.` : "Not reviewed yet."}
        </CardDescription>
      </CardHeader>
      <CardContent>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            submit(false);
          }}
          noValidate
          aria-label="Call review"
          className="flex flex-col gap-4"
        >
          <fieldset disabled={!hydrated || save.isPending} className="flex flex-col gap-4">
            <div className="flex items-center gap-2">
              <Checkbox id="reviewed" checked={reviewed} onCheckedChange={(checked) => setReviewed(checked === true)} />
              <label htmlFor="reviewed" className="text-sm font-medium">
                Reviewed
              </label>
            </div>
            <FormField label="Outcome" htmlFor="outcome" error={errors.outcome}>
              <LazySelect
                {...fieldA11y("outcome", errors.outcome)}
                className="w-full"
                value={outcome || noOutcome}
                onValueChange={(value) => {
                  setOutcome(value === noOutcome ? "" : value);
                  clearServerError("outcome");
                }}
                options={outcomeOptions}
              />
            </FormField>
            {outcome === "do_not_call" ? (
              <p className="rounded-md bg-warning/15 px-3 py-2 text-sm">Saving also marks the customer as do-not-call: campaigns will skip them.</p>
            ) : null}
            <FormField
              label="Notes"
              htmlFor="notes"
              error={errors.notes}
              description={
                <span className={cn("tabular-nums", notesLength > reviewNotesLimit && "text-destructive")}>
                  {formatNumber(notesLength)} / {formatNumber(reviewNotesLimit)} characters
                </span>
              }
            >
              <Textarea
                {...fieldA11y("notes", errors.notes, { description: true })}
                name="notes"
                value={notes}
                onChange={(event) => {
                  setNotes(event.target.value);
                  clearServerError("notes");
                }}
                rows={4}
                placeholder="What should the team know about this call?"
              />
            </FormField>
            <div className="flex flex-wrap gap-2">
              <Button type="submit" loading={save.isPending}>
                Save review
              </Button>
              {nextHref ? (
                <Button type="button" variant="outline" onClick={() => submit(true)}>
                  Save and next
                </Button>
              ) : null}
            </div>
          </fieldset>
        </form>
      </CardContent>
    </Card>
  );
}

export function TagEditor({ call, tags }: { call: ReviewedCall; tags: { id: bigint; name: string }[] }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const invalidateLists = useInvalidateCallLists();
  const selected = new Set(call.tags.map((tag) => String(tag.id)));
  const update = useMutation(
    trpc.calls.setTags.mutationOptions({
      onSuccess: (result) => {
        queryClient.setQueryData(trpc.calls.byId.queryKey({ id: String(call.id) }), (previous) => (previous ? { ...previous, tags: result.tags } : previous));
        void invalidateLists();
        toast.success("Tags saved");
      },
      onError: (error) => toast.error("The tags were not saved", { description: error.message }),
    }),
  );
  const toggle = (tagId: bigint) => {
    const next = new Set(selected);
    if (next.has(String(tagId))) next.delete(String(tagId));
    else next.add(String(tagId));
    update.mutate({ id: String(call.id), tagIds: [...next] });
  };

  return (
    <Card>
      <CardHeader>
        <CardTitle as="h2">Tags</CardTitle>
        <CardDescription>{tags.length ? "Select the tags that describe this call." : "Your organization has no tags yet. Admins add them under Settings → Tags."}</CardDescription>
      </CardHeader>
      <CardContent>
        <div role="group" aria-label="Tags" className="flex flex-wrap gap-2">
          {tags.map((tag) => {
            const on = selected.has(String(tag.id));
            return (
              <button
                key={String(tag.id)}
                type="button"
                aria-pressed={on}
                disabled={update.isPending}
                onClick={() => toggle(tag.id)}
                className={cn(
                  "inline-flex items-center gap-1 rounded-full border px-3 py-1 text-sm transition-colors focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none disabled:opacity-60",
                  on ? "border-primary bg-primary text-primary-foreground" : "border-border bg-card hover:bg-accent",
                )}
              >
                {on ? <Check aria-hidden className="size-3.5" /> : null}
                {tag.name}
              </button>
            );
          })}
        </div>
      </CardContent>
    </Card>
  );
}
