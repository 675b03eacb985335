import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

// Secrets come from the environment; the embedded demo generates its own once and keeps them in .data.
const secretsFile = path.resolve(/*turbopackIgnore: true*/ process.env.SECRETS_FILE ?? ".data/secrets.json");

function localSecret(name: string): string {
  let secrets: Record<string, string> = {};
  try {
    secrets = JSON.parse(fs.readFileSync(/*turbopackIgnore: true*/ secretsFile, "utf8"));
  } catch {
    // Not created yet.
  }
  if (!secrets[name]) {
    secrets[name] = crypto.randomBytes(32).toString("base64url");
    fs.mkdirSync(path.dirname(secretsFile), { recursive: true });
    fs.writeFileSync(secretsFile, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  }
  return secrets[name];
}

export function authSecret(): string {
  return process.env.AUTH_SECRET || localSecret("AUTH_SECRET");
}
