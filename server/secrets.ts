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

/** The 32-byte key that encrypts integration secrets: ENCRYPTION_KEY (base64, base64url or hex), or one kept in the secrets file. */
export function encryptionKey(): Buffer {
  const configured = process.env.ENCRYPTION_KEY?.trim();
  const text = configured || localSecret("ENCRYPTION_KEY");
  const key = /^[0-9a-f]{64}$/i.test(text) ? Buffer.from(text, "hex") : Buffer.from(text, "base64url");
  if (key.length !== 32) throw new Error("ENCRYPTION_KEY must be 32 bytes, given as base64 or hex");
  return key;
}
