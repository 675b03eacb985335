import { getDb } from "@/server/db";
import { handleClaim } from "@/server/api-v1/handlers";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export function POST(request: Request) {
  return handleClaim(getDb(), request);
}
