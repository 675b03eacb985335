import { json } from "@/server/api-v1/errors";
import { openApiDocument } from "@/server/api-v1/openapi";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export function GET(request: Request) {
  return json(openApiDocument(new URL(request.url).origin));
}
