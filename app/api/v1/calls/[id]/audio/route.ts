import { getDb } from "@/server/db";
import { handleAudioUpload } from "@/server/api-v1/handlers";

// Streamed from the request body to disk; /api/v1 is outside the proxy.ts matcher, so nothing buffers it.
export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export async function PUT(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return handleAudioUpload(getDb(), request, (await params).id);
}
