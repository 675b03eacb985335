import { Fragment } from "react";

// Matches are marked by splitting text into pieces and wrapping some in <mark>: the text is
// always rendered as text, never as HTML.

const markClass = "rounded-sm bg-yellow-200 px-0.5 text-foreground dark:bg-yellow-500/40";

/** The words a find box or a search query asks for: quotes and -exclusions removed. */
export function termsOf(query: string): string[] {
  const phrases = [...query.matchAll(/"([^"]+)"/g)].map((match) => match[1]!.trim());
  const rest = query.replace(/"[^"]*"/g, " ").split(/\s+/).filter((word) => word && !word.startsWith("-") && word.toLowerCase() !== "or");
  return [...phrases, ...rest].filter((term) => term.length >= 2);
}

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

export function countMatches(text: string, terms: readonly string[]): number {
  if (!terms.length || !text) return 0;
  return text.match(new RegExp(terms.map(escapeRegExp).join("|"), "gi"))?.length ?? 0;
}

export function HighlightedText({ text, terms }: { text: string; terms: readonly string[] }) {
  if (!terms.length || !text) return <>{text}</>;
  const pieces = text.split(new RegExp(`(${terms.map(escapeRegExp).join("|")})`, "gi"));
  return (
    <>
      {pieces.map((piece, index) =>
        index % 2 === 1 ? (
          <mark key={index} className={markClass}>
            {piece}
          </mark>
        ) : (
          <Fragment key={index}>{piece}</Fragment>
        ),
      )}
    </>
  );
}

/** A ts_headline snippet whose matches sit between the two marker characters. */
export function SnippetText({ snippet, start, stop }: { snippet: string; start: string; stop: string }) {
  const pieces = snippet.split(new RegExp(`[${start}${stop}]`));
  return (
    <>
      {pieces.map((piece, index) =>
        index % 2 === 1 ? (
          <mark key={index} className={markClass}>
            {piece}
          </mark>
        ) : (
          <Fragment key={index}>{piece}</Fragment>
        ),
      )}
    </>
  );
}
