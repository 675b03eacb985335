import { z } from "zod";
import type { ApiErrorBody } from "@/lib/validation/voice-api";
import { Prisma } from "../generated/prisma/client";

// JSON responses of the voice engine's API: errors always have the shape { error: { code, message, fields? } }.

const jsonHeaders = { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store" };

/** JSON with BigInt ids as strings. */
export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  const text = JSON.stringify(body, (_key, value: unknown) => (typeof value === "bigint" ? value.toString() : value));
  return new Response(text, { status, headers: { ...jsonHeaders, ...headers } });
}

export function apiError(status: number, code: string, message: string, fields?: Record<string, string[]>, headers: Record<string, string> = {}): Response {
  const body: ApiErrorBody = { error: { code, message, ...(fields ? { fields } : {}) } };
  return json(body, status, headers);
}

/** 400 naming each invalid field by its dotted path ("transcript.2.role"); "body" for the body as a whole. */
export function validationError(error: z.ZodError): Response {
  const fields: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.map(String).join(".") : "body";
    (fields[key] ??= []).push(issue.message);
  }
  return apiError(400, "invalid_request", `Invalid ${Object.keys(fields).join(", ")}`, fields);
}

export function notFound(what = "Call"): Response {
  return apiError(404, "not_found", `${what} not found`);
}

/** Thrown from inside a service to answer with a specific error (a field that names a foreign id, a conflict). */
export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields?: Record<string, string[]>,
  ) {
    super(message);
  }
}

/** JSON bodies (a report with a long transcript included) stay well below this. */
export const maxJsonBytes = 5 * 1024 * 1024;

function tooLarge(): ApiProblem {
  return new ApiProblem(413, "payload_too_large", `JSON bodies are limited to ${maxJsonBytes / 1024 / 1024} MB`);
}

/** The body as text, read chunk by chunk up to maxJsonBytes (a larger body is refused, not buffered). */
async function readText(request: Request): Promise<string> {
  if (Number(request.headers.get("content-length") ?? 0) > maxJsonBytes) throw tooLarge();
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxJsonBytes) {
        await reader.cancel().catch(() => undefined);
        throw tooLarge();
      }
      chunks.push(value);
    }
  } catch (error) {
    if (error instanceof ApiProblem) throw error;
    throw new ApiProblem(400, "invalid_request", "The body could not be read", { body: ["Could not be read"] });
  }
  return new TextDecoder().decode(Buffer.concat(chunks));
}

/** The JSON body parsed, `{}` for an empty body, or a 400 for anything that is not a JSON object. */
export async function readJsonObject(request: Request): Promise<unknown> {
  const text = await readText(request);
  if (!text.trim()) return {};
  try {
    const value: unknown = JSON.parse(text);
    if (value === null || typeof value !== "object" || Array.isArray(value)) throw new Error("not an object");
    return value;
  } catch {
    throw new ApiProblem(400, "invalid_request", "The body must be a JSON object", { body: ["Must be a JSON object"] });
  }
}

export function parseOrThrow<T extends z.ZodType>(schema: T, value: unknown): z.output<T> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw parsed.error;
  return parsed.data;
}

/** Runs a handler and turns every failure into a JSON answer: never a stack trace, never SQL. */
export async function answer(work: () => Promise<Response>): Promise<Response> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof z.ZodError) return validationError(error);
    if (error instanceof ApiProblem) return apiError(error.status, error.code, error.message, error.fields, error.status === 401 ? { "WWW-Authenticate": "Bearer" } : {});
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      return apiError(409, "conflict", "This conflicts with another call (external_id already used)", { external_id: ["Already used by another call"] });
    }
    console.error("[api/v1]", error);
    return apiError(500, "internal_error", "Something went wrong on our side; retry later");
  }
}
