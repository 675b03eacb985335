import { getDb } from "@/server/db";
import { handleCallReport } from "@/server/api-v1/handlers";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export async function PUT(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return handleCallReport(getDb(), request, (await params).id);
}
