import type { Database } from "../db";
import { findActiveApiKey, markApiKeyUsed } from "../services/api-keys";
import { ApiProblem } from "./errors";

/** Who makes a voice engine request: the API key and the organization it scopes everything to. */
export type ApiActor = { apiKeyId: bigint; organizationId: string };

function bearerToken(request: Request): string | null {
  const header = request.headers.get("authorization");
  const match = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
  return match?.[1] ?? null;
}

/** 401 for a missing, unknown or revoked key; 403 when the key's organization is suspended. Keeps last_used_at. */
export async function authenticate(db: Database, request: Request): Promise<ApiActor> {
  const token = bearerToken(request);
  if (!token) throw new ApiProblem(401, "unauthorized", "Send an API key: Authorization: Bearer <key>");
  const apiKey = await findActiveApiKey(db, token);
  if (!apiKey) throw new ApiProblem(401, "unauthorized", "The API key is not valid or has been revoked");
  if (!apiKey.organization.isActive) throw new ApiProblem(403, "forbidden", "The organization is suspended");
  await markApiKeyUsed(db, apiKey.id);
  return { apiKeyId: apiKey.id, organizationId: apiKey.organizationId };
}
