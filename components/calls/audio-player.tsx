"use client";

import { Pause, Play } from "lucide-react";
import { useCallback, useEffect, useImperativeHandle, useRef, useState } from "react";
import type { Ref } from "react";
import { Button } from "@/components/ui/button";
import { LazySelect } from "@/components/ui/lazy-select";
import { formatDuration } from "./call-format";

export type AudioPlayerHandle = { toggle: () => void; seek: (seconds: number, play?: boolean) => void };

const speeds = ["0.75", "1", "1.25", "1.5", "2"];
const speedOptions = speeds.map((value) => ({ value, label: `${value}×` }));

export function AudioPlayer({
  src,
  knownDuration,
  onTime,
  ref,
}: {
  src: string;
  knownDuration: number | null;
  onTime: (seconds: number, playing: boolean) => void;
  ref?: Ref<AudioPlayerHandle>;
}) {
  const audio = useRef<HTMLAudioElement>(null);
  const [playing, setPlaying] = useState(false);
  const [time, setTime] = useState(0);
  const [duration, setDuration] = useState(knownDuration ?? 0);
  const [speed, setSpeed] = useState("1");
  const [failed, setFailed] = useState(false);

  const report = useCallback(() => {
    const element = audio.current;
    if (!element) return;
    setTime(element.currentTime);
    onTime(element.currentTime, !element.paused);
  }, [onTime]);

  // timeupdate fires only ~4 times a second: follow the playhead every frame while playing.
  useEffect(() => {
    if (!playing) return;
    let frame = requestAnimationFrame(function tick() {
      report();
      frame = requestAnimationFrame(tick);
    });
    return () => cancelAnimationFrame(frame);
  }, [playing, report]);

  const toggle = useCallback(() => {
    const element = audio.current;
    if (!element) return;
    if (element.paused) void element.play().catch(() => setFailed(true));
    else element.pause();
  }, []);

  const seek = useCallback(
    (seconds: number, play = false) => {
      const element = audio.current;
      if (!element) return;
      element.currentTime = Math.max(0, Math.min(seconds, Number.isFinite(element.duration) ? element.duration : seconds));
      report();
      if (play && element.paused) void element.play().catch(() => setFailed(true));
    },
    [report],
  );

  useImperativeHandle(ref, () => ({ toggle, seek }), [toggle, seek]);

  return (
    <div className="flex flex-wrap items-center gap-3 rounded-lg border border-border bg-card p-3" aria-label="Call recording" role="group">
      <audio
        ref={audio}
        src={src}
        preload="metadata"
        onPlay={() => setPlaying(true)}
        onPause={() => {
          setPlaying(false);
          report();
        }}
        onEnded={() => setPlaying(false)}
        onSeeked={report}
        onTimeUpdate={report}
        onLoadedMetadata={(event) => {
          if (Number.isFinite(event.currentTarget.duration)) setDuration(event.currentTarget.duration);
          event.currentTarget.playbackRate = Number(speed);
        }}
        onError={() => setFailed(true)}
        data-testid="call-audio"
      />
      <Button size="icon" onClick={toggle} aria-label={playing ? "Pause" : "Play"} title="Play or pause (space)" disabled={failed}>
        {playing ? <Pause aria-hidden className="size-4" /> : <Play aria-hidden className="size-4" />}
      </Button>
      <span className="w-24 text-sm tabular-nums text-muted-foreground" aria-live="off">
        {formatDuration(time)} / {formatDuration(duration)}
      </span>
      <input
        type="range"
        aria-label="Seek"
        min={0}
        max={duration || 0}
        step={0.1}
        value={Math.min(time, duration || 0)}
        onChange={(event) => seek(Number(event.target.value))}
        aria-valuetext={`${formatDuration(time)} of ${formatDuration(duration)}`}
        className="h-2 min-w-32 flex-1 cursor-pointer accent-primary"
        disabled={failed || !duration}
      />
      <div className="flex items-center gap-2">
        <label htmlFor="playback-speed" className="text-sm text-muted-foreground">
          Speed
        </label>
        <LazySelect
          id="playback-speed"
          className="w-20"
          value={speed}
          onValueChange={(value) => {
            setSpeed(value);
            if (audio.current) audio.current.playbackRate = Number(value);
          }}
          options={speedOptions}
        />
      </div>
      {failed ? (
        <p role="alert" className="w-full text-sm text-destructive">
          The recording could not be played. It may have been removed from storage.
        </p>
      ) : null}
    </div>
  );
}
