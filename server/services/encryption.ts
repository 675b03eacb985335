import crypto from "node:crypto";
import { encryptionKey } from "../secrets";

// "v1.<iv>.<auth tag>.<ciphertext>", each base64url: AES-256-GCM with a fresh 12-byte IV per value.
const version = "v1";

export function encryptSecret(plaintext: string, key: Buffer = encryptionKey()): string {
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv("aes-256-gcm", key, iv);
  const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return [version, iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), ciphertext.toString("base64url")].join(".");
}

export function isEncryptedSecret(value: unknown): value is string {
  return typeof value === "string" && value.startsWith(`${version}.`) && value.split(".").length === 4;
}

/** Throws when the value was not made by encryptSecret with this key (tampered, or another key). */
export function decryptSecret(encrypted: string, key: Buffer = encryptionKey()): string {
  const [prefix, iv, tag, ciphertext] = encrypted.split(".");
  if (prefix !== version || !iv || !tag || ciphertext === undefined) throw new Error("Not an encrypted secret");
  const decipher = crypto.createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(ciphertext, "base64url")), decipher.final()]).toString("utf8");
}

/** What people see of a secret: its last four characters. */
export function maskSecret(plaintext: string): string {
  return `••••${plaintext.slice(-4)}`;
}
