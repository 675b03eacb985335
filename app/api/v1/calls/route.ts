import { getDb } from "@/server/db";
import { handleInboundCall } from "@/server/api-v1/handlers";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export function POST(request: Request) {
  return handleInboundCall(getDb(), request);
}
