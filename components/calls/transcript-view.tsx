"use client";

import { Bot, ChevronRight, User, Wrench } from "lucide-react";
import { memo, useEffect, useRef } from "react";
import { cn } from "@/components/ui/cn";
import { formatDuration } from "./call-format";
import { HighlightedText } from "./highlighted-text";

export type TranscriptTurn = { id: bigint; role: "User" | "Assistant" | "Tool"; content: string | null; offset: number | null };

function prettyJson(content: string): string {
  try {
    return JSON.stringify(JSON.parse(content), null, 2);
  } catch {
    return content;
  }
}

/** The turn being spoken at `seconds`: the last one that started at or before it. */
export function activeTurnAt(turns: readonly TranscriptTurn[], seconds: number): bigint | null {
  let active: bigint | null = null;
  for (const turn of turns) {
    if (turn.offset === null || turn.role === "Tool") continue;
    if (turn.offset <= seconds) active = turn.id;
    else break;
  }
  return active;
}

type TurnProps = {
  turn: TranscriptTurn;
  active: boolean;
  targeted: boolean;
  terms: readonly string[];
  /** How far the recording reaches (seconds); null: no recording. */
  audioSeconds: number | null;
  onSeek: (seconds: number) => void;
};

const Turn = memo(function Turn({ turn, active, targeted, terms, audioSeconds, onSeek }: TurnProps) {
  const time = turn.offset === null ? "—" : formatDuration(turn.offset);
  const seekable = audioSeconds !== null && turn.offset !== null && turn.offset < audioSeconds;
  const timeLabel = seekable ? (
    <button
      type="button"
      onClick={(event) => {
        event.stopPropagation();
        onSeek(turn.offset!);
      }}
      className="rounded-sm text-xs tabular-nums text-muted-foreground underline-offset-2 hover:underline focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none"
      aria-label={`Play from ${time}`}
    >
      {time}
    </button>
  ) : (
    <span className="text-xs tabular-nums text-muted-foreground">{time}</span>
  );

  if (turn.role === "Tool") {
    return (
      <li id={`turn-${turn.id}`} data-turn-id={String(turn.id)} className={cn("flex justify-center scroll-mt-24", targeted && "rounded-md ring-2 ring-yellow-400")}>
        <details className="w-full max-w-xl rounded-md border border-dashed border-border bg-muted/40 text-sm">
          <summary className="flex cursor-pointer list-none items-center gap-2 px-3 py-1.5 text-muted-foreground [&::-webkit-details-marker]:hidden">
            <ChevronRight aria-hidden className="size-4 transition-transform [details[open]_&]:rotate-90" />
            <Wrench aria-hidden className="size-3.5" /> Tool call
            <span className="ml-auto">{timeLabel}</span>
          </summary>
          <pre className="overflow-x-auto px-3 pb-3 font-mono text-xs whitespace-pre-wrap break-words">
            <HighlightedText text={prettyJson(turn.content ?? "")} terms={terms} />
          </pre>
        </details>
      </li>
    );
  }

  const isUser = turn.role === "User";
  return (
    <li
      id={`turn-${turn.id}`}
      data-turn-id={String(turn.id)}
      data-active={active || undefined}
      aria-current={active ? "true" : undefined}
      className={cn("flex scroll-mt-24 gap-2", isUser ? "flex-row-reverse" : "flex-row")}
    >
      <span aria-hidden className={cn("mt-1 flex size-7 shrink-0 items-center justify-center rounded-full", isUser ? "bg-secondary text-secondary-foreground" : "bg-primary/15 text-primary")}>
        {isUser ? <User className="size-4" /> : <Bot className="size-4" />}
      </span>
      <div
        onClick={() => {
          if (seekable && !window.getSelection()?.toString()) onSeek(turn.offset!);
        }}
        className={cn(
          "max-w-[85%] rounded-2xl px-3.5 py-2 text-sm shadow-xs transition-colors sm:max-w-[75%]",
          isUser ? "rounded-tr-sm bg-secondary text-secondary-foreground" : "rounded-tl-sm border border-border bg-card",
          seekable && "cursor-pointer",
          active && "ring-2 ring-primary",
          targeted && "ring-2 ring-yellow-400",
        )}
      >
        <div className={cn("mb-0.5 flex items-center gap-2", isUser && "flex-row-reverse")}>
          <span className="text-xs font-medium">{isUser ? "Customer" : "Agent"}</span>
          {timeLabel}
        </div>
        <p className="whitespace-pre-wrap break-words">
          <HighlightedText text={turn.content ?? ""} terms={terms} />
        </p>
      </div>
    </li>
  );
});

export function TranscriptView({
  turns,
  activeTurnId,
  targetTurnId,
  followActive,
  terms,
  audioSeconds,
  onSeek,
}: {
  turns: TranscriptTurn[];
  activeTurnId: bigint | null;
  targetTurnId: string | null;
  followActive: boolean;
  terms: readonly string[];
  audioSeconds: number | null;
  onSeek: (seconds: number) => void;
}) {
  const list = useRef<HTMLOListElement>(null);

  useEffect(() => {
    if (!followActive || activeTurnId === null) return;
    list.current?.querySelector(`[data-turn-id="${activeTurnId}"]`)?.scrollIntoView({ block: "nearest", behavior: "smooth" });
  }, [activeTurnId, followActive]);

  useEffect(() => {
    if (!targetTurnId) return;
    const element = document.getElementById(`turn-${targetTurnId}`);
    if (element instanceof HTMLDetailsElement || element?.querySelector("details")) element.querySelector("details")?.setAttribute("open", "");
    element?.scrollIntoView({ block: "center" });
  }, [targetTurnId]);

  return (
    <ol ref={list} aria-label="Transcript" className="flex flex-col gap-3">
      {turns.map((turn) => (
        <Turn key={String(turn.id)} turn={turn} active={turn.id === activeTurnId} targeted={String(turn.id) === targetTurnId} terms={terms} audioSeconds={audioSeconds} onSeek={onSeek} />
      ))}
    </ol>
  );
}
