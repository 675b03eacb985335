import { Prisma } from "@/server/generated/prisma/client";
import type { Database } from "@/server/db";
import type { CallFilters } from "@/lib/validation/call";
import { callWhereSql } from "./call-query";

// Full-text search over transcript turns: the GIN-indexed `search_vector` (english config, filled by
// a trigger), always filtered by the turn's own organization_id ($queryRaw is not scoped).

/** Markers ts_headline puts around matches; private-use characters that are stripped from content first. */
export const highlightStart = "\uE000";
export const highlightStop = "\uE001";
// ts_headline drops what its parser takes for HTML tags: "<" and ">" go through it as two more
// private-use characters and come back after, so a snippet shows the turn's text as it was said.
const angleStandIns = "\uE002\uE003";

/** Above this many matching turns a term is "common": newest calls first instead of by rank. */
export const commonTermThreshold = 300;

export type SearchHit = { turnId: bigint; role: "User" | "Assistant" | "Tool"; timestamp: Date | null; snippet: string };
export type SearchCallHits = { callId: bigint; rank: number; hitCount: number; hits: SearchHit[] };
export type TranscriptSearchResult = {
  order: "rank" | "recent";
  /** Matching turns, counted up to the threshold (a capped estimate). */
  matchEstimate: number;
  calls: SearchCallHits[];
  nextCursor: number | null;
};

type SearchRow = {
  call_id: bigint;
  rank: number;
  hit_count: bigint | number;
  turn_id: bigint;
  role: SearchHit["role"];
  timestamp: Date | null;
  snippet: string;
};

export type TranscriptSearchInput = {
  organizationId: string;
  query: string;
  filters: CallFilters;
  timeZone: string;
  limit: number;
  offset: number;
  threshold?: number;
};

const hitsPerCall = 3;

type RawQuery = Pick<Database, "$queryRaw">;

async function countMatches(db: RawQuery, organizationId: string, query: string, cap: number): Promise<number> {
  const rows = await db.$queryRaw<{ matches: bigint | number }[]>`
    SELECT count(*) AS matches FROM (
      SELECT 1 FROM transcript t
      WHERE t.organization_id = ${organizationId}::uuid AND t.search_vector @@ websearch_to_tsquery('english', ${query})
      LIMIT ${cap + 1}
    ) capped`;
  return Number(rows[0]?.matches ?? 0);
}

/** Few matches: rank every matching turn, then page over the calls by their best rank. */
function rankedPage(input: TranscriptSearchInput, pageOrder: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`
    matched AS (
      SELECT t.id, t.call_id, t.role, t.timestamp, t.content, c.start_time, ts_rank(t.search_vector, query.q) AS rank
      FROM transcript t
      CROSS JOIN query
      JOIN "call" c ON c.id = t.call_id AND c.organization_id = ${input.organizationId}::uuid
      WHERE t.organization_id = ${input.organizationId}::uuid
        AND t.search_vector @@ query.q
        AND ${callWhereSql(input.filters, input.timeZone)}
    ),
    per_call AS (
      SELECT call_id, max(start_time) AS start_time, max(rank) AS rank, count(*) AS hit_count
      FROM matched GROUP BY call_id
    ),
    page AS (
      SELECT * FROM per_call ORDER BY ${pageOrder} LIMIT ${input.limit + 1} OFFSET ${input.offset}
    )`;
}

/**
 * A common term (millions of matching turns): walk the calls newest first on the (organization_id,
 * start_time DESC NULLS LAST, id DESC) index and keep those with a matching turn, so the cost is one
 * page of calls, not every match; only the page's turns are ranked and counted.
 */
function recentPage(input: TranscriptSearchInput): Prisma.Sql {
  return Prisma.sql`
    page_calls AS (
      SELECT c.id AS call_id, c.start_time
      FROM "call" c
      WHERE c.organization_id = ${input.organizationId}::uuid
        AND ${callWhereSql(input.filters, input.timeZone)}
        AND EXISTS (
          -- The tsquery inline, not from the query CTE: the planner must see how common the term is to walk calls in order.
          SELECT 1 FROM transcript t
          WHERE t.call_id = c.id AND t.organization_id = ${input.organizationId}::uuid AND t.search_vector @@ websearch_to_tsquery('english', ${input.query})
        )
      ORDER BY c.start_time DESC NULLS LAST, c.id DESC
      LIMIT ${input.limit + 1} OFFSET ${input.offset}
    ),
    matched AS (
      SELECT t.id, t.call_id, t.role, t.timestamp, t.content, pc.start_time, ts_rank(t.search_vector, query.q) AS rank
      FROM page_calls pc
      JOIN transcript t ON t.call_id = pc.call_id
      CROSS JOIN query
      WHERE t.organization_id = ${input.organizationId}::uuid AND t.search_vector @@ query.q
    ),
    page AS (
      SELECT call_id, max(start_time) AS start_time, max(rank) AS rank, count(*) AS hit_count
      FROM matched GROUP BY call_id
    )`;
}

export async function searchTranscripts(db: RawQuery, input: TranscriptSearchInput): Promise<TranscriptSearchResult> {
  const threshold = input.threshold ?? commonTermThreshold;
  const matchEstimate = await countMatches(db, input.organizationId, input.query, threshold);
  const order = matchEstimate > threshold ? "recent" : "rank";
  if (matchEstimate === 0) return { order, matchEstimate, calls: [], nextCursor: null };

  const pageOrder = order === "rank" ? Prisma.sql`per_call.rank DESC, per_call.start_time DESC NULLS LAST, per_call.call_id DESC` : Prisma.sql`per_call.start_time DESC NULLS LAST, per_call.call_id DESC`;
  const headlineOptions = `StartSel=${highlightStart}, StopSel=${highlightStop}, MaxWords=24, MinWords=10, MaxFragments=2, FragmentDelimiter=" … "`;
  const pageCtes = order === "rank" ? rankedPage(input, pageOrder) : recentPage(input);
  const rows = await db.$queryRaw<SearchRow[]>`
    WITH query AS (SELECT websearch_to_tsquery('english', ${input.query}) AS q),
    ${pageCtes}
    SELECT per_call.call_id, per_call.rank::float8 AS rank, per_call.hit_count, hit.id AS turn_id, hit.role::text AS role, hit.timestamp,
      translate(
        ts_headline('english', translate(coalesce(hit.content, ''), ${`<>${highlightStart}${highlightStop}${angleStandIns}`}, ${angleStandIns}), query.q, ${headlineOptions}),
        ${angleStandIns}, '<>'
      ) AS snippet
    FROM page AS per_call
    CROSS JOIN query
    CROSS JOIN LATERAL (
      SELECT m.id, m.role, m.timestamp, m.content FROM matched m
      WHERE m.call_id = per_call.call_id
      ORDER BY m.rank DESC, m.timestamp ASC, m.id ASC
      LIMIT ${hitsPerCall}
    ) hit
    ORDER BY ${pageOrder}, hit.timestamp ASC, hit.id ASC`;

  const calls: SearchCallHits[] = [];
  for (const row of rows) {
    let entry = calls.at(-1);
    if (!entry || entry.callId !== row.call_id) {
      entry = { callId: row.call_id, rank: Number(row.rank), hitCount: Number(row.hit_count), hits: [] };
      calls.push(entry);
    }
    entry.hits.push({ turnId: row.turn_id, role: row.role, timestamp: row.timestamp, snippet: row.snippet });
  }
  const hasMore = calls.length > input.limit;
  return { order, matchEstimate, calls: calls.slice(0, input.limit), nextCursor: hasMore ? input.offset + input.limit : null };
}
