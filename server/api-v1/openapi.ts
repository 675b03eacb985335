import { z } from "zod";
import { apiErrorBody, audioFormats, callReportRequest, callResource, claimRequest, claimResponse, inboundCallRequest, maxAudioBytes } from "@/lib/validation/voice-api";

// The OpenAPI 3.1 document of /api/v1, generated from the same zod schemas the handlers validate with.

const requestSchemas = { ClaimRequest: claimRequest, CallReport: callReportRequest, InboundCall: inboundCallRequest };
const responseSchemas = { ClaimResponse: claimResponse, Call: callResource, Error: apiErrorBody };

function componentSchemas(): Record<string, unknown> {
  const schemas: Record<string, unknown> = {};
  const convert = (schema: z.ZodType, io: "input" | "output") => {
    // The document declares its dialect once (OpenAPI 3.1 is JSON Schema 2020-12), not per schema.
    const converted: Record<string, unknown> = { ...z.toJSONSchema(schema, { io, target: "draft-2020-12", unrepresentable: "any" }) };
    delete converted.$schema;
    return converted;
  };
  for (const [name, schema] of Object.entries(requestSchemas)) schemas[name] = convert(schema, "input");
  for (const [name, schema] of Object.entries(responseSchemas)) schemas[name] = convert(schema, "output");
  return schemas;
}

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const jsonContent = (name: string) => ({ "application/json": { schema: ref(name) } });
const errorResponse = (description: string) => ({ description, content: jsonContent("Error") });
const authErrors = {
  "401": errorResponse("Missing, unknown or revoked API key"),
  "403": errorResponse("The organization is suspended"),
};
const callIdParameter = { name: "id", in: "path", required: true, schema: { type: "string", pattern: "^[0-9]+$" }, description: "The call id (from a claim, or from POST /api/v1/calls)" };

export function openApiDocument(serverUrl?: string) {
  return {
    openapi: "3.1.0",
    info: {
      title: "AutoPulse voice engine API",
      version: "1.0.0",
      description:
        "How the voice engine learns whom to call and reports what happened. Every request carries `Authorization: Bearer <api key>`; the key's organization scopes everything. Errors are `{ error: { code, message, fields? } }`; `fields` names each invalid field by its dotted path.",
    },
    ...(serverUrl ? { servers: [{ url: serverUrl }] } : {}),
    security: [{ apiKey: [] }],
    paths: {
      "/api/v1/dial-queue/claim": {
        post: {
          operationId: "claimCalls",
          summary: "Claim service records to call now",
          description:
            "Returns up to `limit` records that the campaign rules allow calling now, each with a new call (status `queued`). Report each call within 15 minutes or it is released as `failed` (an attempt). Two workers never receive the same record.",
          requestBody: { required: false, content: jsonContent("ClaimRequest") },
          responses: { "200": { description: "The claimed calls (possibly none)", content: jsonContent("ClaimResponse") }, "400": errorResponse("Invalid request"), ...authErrors },
        },
      },
      "/api/v1/calls": {
        post: {
          operationId: "recordInboundCall",
          summary: "Record an inbound call (created or updated by external_id)",
          requestBody: { required: true, content: jsonContent("InboundCall") },
          responses: {
            "201": { description: "Created", content: jsonContent("Call") },
            "200": { description: "Updated (or unchanged: the same report twice changes nothing)", content: jsonContent("Call") },
            "400": errorResponse("Invalid fields"),
            "409": errorResponse("external_id belongs to an outbound call"),
            ...authErrors,
          },
        },
      },
      "/api/v1/calls/{id}": {
        put: {
          operationId: "reportCall",
          summary: "Report progress or the result of a call",
          description:
            "Idempotent. `transcript` is the whole transcript so far and replaces the stored turns. A `completed` call with a duration debits started minutes × the plan's rate once. `outcome: do_not_call` marks the service record. A finished call never goes back to an in-progress status.",
          parameters: [callIdParameter],
          requestBody: { required: true, content: jsonContent("CallReport") },
          responses: { "200": { description: "The call as stored", content: jsonContent("Call") }, "400": errorResponse("Invalid fields"), "404": errorResponse("Not a call of this organization"), "409": errorResponse("external_id already used"), ...authErrors },
        },
      },
      "/api/v1/calls/{id}/audio": {
        put: {
          operationId: "uploadCallAudio",
          summary: "Upload the call's recording",
          description: `The raw file as the body (${audioFormats.join(", ")}; at most ${maxAudioBytes / 1024 / 1024} MB), streamed to storage. Sending it again replaces it.`,
          parameters: [callIdParameter],
          requestBody: {
            required: true,
            content: Object.fromEntries(["audio/wav", "audio/mpeg", "audio/ogg"].map((type) => [type, { schema: { type: "string", contentMediaType: type } }])),
          },
          responses: {
            "200": {
              description: "Stored",
              content: { "application/json": { schema: { type: "object", properties: { call_id: { type: "string" }, format: { type: "string", enum: [...audioFormats] }, size_bytes: { type: "integer" } }, required: ["call_id", "format", "size_bytes"] } } },
            },
            "400": errorResponse("Empty, or not a file of the declared format"),
            "404": errorResponse("Not a call of this organization"),
            "413": errorResponse("Larger than 100 MB"),
            "415": errorResponse("Content-Type is not audio/wav, audio/mpeg or audio/ogg"),
            ...authErrors,
          },
        },
      },
    },
    components: {
      securitySchemes: { apiKey: { type: "http", scheme: "bearer", description: "An organization API key (Settings → API keys, or `npm run apikey:create`)" } },
      schemas: componentSchemas(),
    },
  };
}
