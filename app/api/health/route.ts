import { databaseKind, getDb } from "@/server/db";

export const dynamic = "force-dynamic";

export async function GET() {
  const database = databaseKind();
  try {
    await getDb().$queryRaw`SELECT 1`;
    return Response.json({ status: "ok", database });
  } catch {
    return Response.json({ status: "error", database }, { status: 503 });
  }
}
