import { auth } from "@/server/auth";
import { loadSessionUser } from "@/server/auth/session-user";
import { getDb } from "@/server/db";
import { serveCallAudio } from "@/server/services/audio-storage";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const session = await auth();
  const db = getDb();
  const user = await loadSessionUser(db, session?.claims ?? null);
  return serveCallAudio(db, user, id, request.headers.get("range"));
}
