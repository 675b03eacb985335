import type { Database } from "../server/db";
export async function seedDemoData(db: Database): Promise<{ created: boolean }> {
  void db;
  return { created: false };
}
