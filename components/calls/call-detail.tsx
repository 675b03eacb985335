"use client";

import { useQuery, useSuspenseQuery } from "@tanstack/react-query";
import { ArrowLeft, ChevronDown, ChevronUp, Search } from "lucide-react";
import Link from "next/link";
import { useRouter, useSearchParams } from "next/navigation";
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from "react";
import { Badge } from "@/components/ui/badge";
import { Button, buttonVariants } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { formatDateTime } from "@/lib/format";
import { useTRPC } from "@/lib/trpc/react";
import type { CallSort } from "@/lib/call-filters";
import { AudioPlayer } from "./audio-player";
import type { AudioPlayerHandle } from "./audio-player";
import { directionLabel, formatDuration, offsetSeconds, outcomeLabel, statusLabel, statusVariant } from "./call-format";
import { countMatches, termsOf } from "./highlighted-text";
import { ReviewPanel, TagEditor } from "./review-panel";
import { activeTurnAt, TranscriptView } from "./transcript-view";
import type { TranscriptTurn } from "./transcript-view";

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  return Boolean(target.closest("input, textarea, select, button, a, summary, [role='combobox'], [role='option'], [role='menuitem'], [role='listbox']"));
}

function subscribeToHash(onChange: () => void) {
  window.addEventListener("hashchange", onChange);
  return () => window.removeEventListener("hashchange", onChange);
}

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="flex justify-between gap-4 py-1.5 text-sm">
      <dt className="text-muted-foreground">{label}</dt>
      <dd className="text-right font-medium">{children}</dd>
    </div>
  );
}

/** `filters` and `sort`: the list this call was opened from, as the server page parsed them from the URL. */
export function CallDetailView({ callId, filters, sort }: { callId: string; filters: Record<string, string>; sort: CallSort }) {
  const trpc = useTRPC();
  const router = useRouter();
  const searchParams = useSearchParams();
  const { data: call } = useSuspenseQuery(trpc.calls.byId.queryOptions({ id: callId }));
  const { data: options } = useSuspenseQuery(trpc.calls.filterOptions.queryOptions());
  const timeZone = options.timeZone;

  // The list this call was opened from (its filters and order travel in the URL) for j/k and back.
  const contextQuery = useMemo(() => {
    const params = new URLSearchParams(searchParams.toString());
    params.delete("q");
    return params.toString();
  }, [searchParams]);
  const fromQueue = searchParams.get("from") === "review";
  const { data: neighbors } = useQuery(trpc.calls.neighbors.queryOptions({ id: callId, filters, sort }));
  const hrefFor = (id: bigint | null | undefined) => (id ? `/calls/${id}${contextQuery ? `?${contextQuery}` : ""}` : null);
  const previousHref = hrefFor(neighbors?.previousId);
  const nextHref = hrefFor(neighbors?.nextId);
  const backHref = fromQueue ? "/calls/review" : `/calls${contextQuery ? `?${contextQuery}` : ""}`;

  const [find, setFind] = useState(searchParams.get("q") ?? "");
  const terms = useMemo(() => termsOf(find), [find]);
  const hash = useSyncExternalStore(subscribeToHash, () => window.location.hash, () => "");
  const targetTurnId = /^#turn-(\d+)$/.exec(hash)?.[1] ?? null;

  const turns: TranscriptTurn[] = useMemo(
    () => call.transcripts.map((turn) => ({ id: turn.id, role: turn.role, content: turn.content, offset: offsetSeconds(call.startTime, turn.timestamp) })),
    [call.transcripts, call.startTime],
  );
  const matches = useMemo(() => turns.reduce((sum, turn) => sum + countMatches(turn.content ?? "", terms), 0), [turns, terms]);

  const player = useRef<AudioPlayerHandle>(null);
  const [playhead, setPlayhead] = useState<{ seconds: number; playing: boolean; started: boolean }>({ seconds: 0, playing: false, started: false });
  const onTime = useCallback((seconds: number, playing: boolean) => {
    setPlayhead((previous) => (previous.seconds === seconds && previous.playing === playing ? previous : { seconds, playing, started: previous.started || playing || seconds > 0 }));
  }, []);
  const activeTurnId = playhead.started ? activeTurnAt(turns, playhead.seconds) : null;
  const onSeek = useCallback((seconds: number) => player.current?.seek(seconds, true), []);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.metaKey || event.ctrlKey || event.altKey || isTyping(event.target)) return;
      if (event.key === "j" && nextHref) router.push(nextHref);
      else if (event.key === "k" && previousHref) router.push(previousHref);
      else if (event.key === " " && call.audioFile) {
        event.preventDefault();
        player.current?.toggle();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [nextHref, previousHref, router, call.audioFile]);

  const record = call.serviceRecord;
  const booking = call.bookings[0] ?? null;

  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <Link href={backHref} className={buttonVariants({ variant: "ghost", size: "sm" })}>
          <ArrowLeft aria-hidden className="size-4" /> {fromQueue ? "Back to the review queue" : "Back to calls"}
        </Link>
        <nav aria-label="Other calls in this list" className="flex items-center gap-2">
          <span className="hidden text-xs text-muted-foreground sm:inline">
            <kbd className="rounded border border-border px-1">k</kbd> / <kbd className="rounded border border-border px-1">j</kbd>
          </span>
          {previousHref ? (
            <Link href={previousHref} className={buttonVariants({ variant: "outline", size: "sm" })} aria-keyshortcuts="k">
              <ChevronUp aria-hidden className="size-4" /> Previous
            </Link>
          ) : (
            <Button variant="outline" size="sm" disabled>
              <ChevronUp aria-hidden className="size-4" /> Previous
            </Button>
          )}
          {nextHref ? (
            <Link href={nextHref} className={buttonVariants({ variant: "outline", size: "sm" })} aria-keyshortcuts="j">
              Next <ChevronDown aria-hidden className="size-4" />
            </Link>
          ) : (
            <Button variant="outline" size="sm" disabled>
              Next <ChevronDown aria-hidden className="size-4" />
            </Button>
          )}
        </nav>
      </div>

      <header className="flex flex-col gap-2">
        <h1 className="text-2xl font-semibold tracking-tight">{record?.customerName ?? "Unknown caller"}</h1>
        <div className="flex flex-wrap items-center gap-2 text-sm text-muted-foreground">
          <span className="tabular-nums">{call.customerNumberDisplay || "No number"}</span>
          <span aria-hidden>·</span>
          <span>{formatDateTime(call.startTime, timeZone)}</span>
          <span aria-hidden>·</span>
          <span className="tabular-nums">{formatDuration(call.durationSec)}</span>
          <Badge variant={statusVariant(call.status)}>{statusLabel(call.status)}</Badge>
          <Badge variant="outline">{directionLabel(call.direction)}</Badge>
          {call.reviewedAt ? <Badge variant="success">Reviewed</Badge> : <Badge variant="warning">To review</Badge>}
          {record?.doNotCall ? <Badge variant="destructive">Do not call</Badge> : null}
        </div>
      </header>

      <div className="grid gap-4 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <section aria-label="Conversation" className="flex min-w-0 flex-col gap-3">
          {call.audioFile ? (
            <div className="sticky top-2 z-10">
              <AudioPlayer ref={player} src={`/api/calls/${call.id}/audio`} knownDuration={call.audioFile.durationSec} onTime={onTime} />
            </div>
          ) : (
            <p className="rounded-lg border border-dashed border-border px-3 py-2 text-sm text-muted-foreground">No recording was kept for this call.</p>
          )}
          <div className="flex flex-wrap items-center gap-2">
            <div className="relative w-full sm:max-w-xs">
              <Search aria-hidden className="pointer-events-none absolute top-1/2 left-2.5 size-4 -translate-y-1/2 text-muted-foreground" />
              <label htmlFor="find-in-transcript" className="sr-only">
                Find in transcript
              </label>
              <Input id="find-in-transcript" type="search" value={find} onChange={(event) => setFind(event.target.value)} placeholder="Find in transcript" className="pl-8" />
            </div>
            {terms.length ? (
              <span className="text-sm text-muted-foreground" aria-live="polite">
                {matches === 1 ? "1 match" : `${matches} matches`}
              </span>
            ) : null}
          </div>
          {turns.length ? (
            <TranscriptView turns={turns} activeTurnId={activeTurnId} targetTurnId={targetTurnId} followActive={playhead.playing} terms={terms} audioSeconds={call.audioFile ? (call.audioFile.durationSec ?? call.durationSec ?? 0) : null} onSeek={onSeek} />
          ) : (
            <p className="rounded-lg border border-dashed border-border px-4 py-8 text-center text-sm text-muted-foreground">
              This call has no transcript: nobody spoke, or the call did not connect.
            </p>
          )}
        </section>

        <aside className="flex flex-col gap-4" aria-label="Call details and review">
          <ReviewPanel call={call} timeZone={timeZone} nextHref={nextHref} onNext={() => nextHref && router.push(nextHref)} />
          <TagEditor call={call} tags={options.tags} />
          <Card>
            <CardHeader>
              <CardTitle as="h2">Call</CardTitle>
            </CardHeader>
            <CardContent>
              <dl className="divide-y divide-border">
                <Fact label="Campaign">{call.campaign?.name ?? "—"}</Fact>
                <Fact label="Agent">{call.agent?.name ?? "—"}</Fact>
                <Fact label="Outcome">{outcomeLabel(call.outcome)}</Fact>
                <Fact label="Ended">{formatDateTime(call.endTime, timeZone)}</Fact>
                {call.externalId ? <Fact label="Voice engine id">{call.externalId}</Fact> : null}
              </dl>
            </CardContent>
          </Card>
          <Card>
            <CardHeader>
              <CardTitle as="h2">Customer</CardTitle>
            </CardHeader>
            <CardContent>
              {record ? (
                <dl className="divide-y divide-border">
                  <Fact label="Name">{record.customerName ?? "—"}</Fact>
                  <Fact label="Phone">{record.customerPhoneDisplay || "—"}</Fact>
                  <Fact label="Vehicle">{record.vehicleInfo ?? "—"}</Fact>
                  <Fact label="Service">{record.serviceType ?? "—"}</Fact>
                  <Fact label="Record status">{record.status}</Fact>
                  <Fact label="Appointment">{formatDateTime(record.appointmentDate, timeZone)}</Fact>
                </dl>
              ) : (
                <p className="text-sm text-muted-foreground">This call is not linked to a service record.</p>
              )}
            </CardContent>
          </Card>
          <Card>
            <CardHeader>
              <CardTitle as="h2">Booking</CardTitle>
            </CardHeader>
            <CardContent>
              {booking ? (
                <dl className="divide-y divide-border">
                  <Fact label="Scheduled">{formatDateTime(booking.scheduledTime, timeZone)}</Fact>
                  <Fact label="Status">{booking.status}</Fact>
                </dl>
              ) : (
                <p className="text-sm text-muted-foreground">No booking came from this call.</p>
              )}
            </CardContent>
          </Card>
        </aside>
      </div>
    </div>
  );
}
