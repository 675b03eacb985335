import { secretConfigKey } from "@/lib/validation/dms-integration";
import type { DmsIntegrationInput } from "@/lib/validation/dms-integration";
import { decryptSecret, encryptSecret, isEncryptedSecret, maskSecret } from "./encryption";

// Secrets of DMS integrations are write-only: stored encrypted inside `config`, shown only masked,
// kept when an edit leaves them out. Typed DMSs keep theirs in `secret`; "Other" in any key that
// reads like a secret (apiKey, password, token…).

type Config = Record<string, unknown>;
const maskMark = "••••";

function secretKeysOf(type: string, config: Config): string[] {
  if (type !== "Other") return "secret" in config ? ["secret"] : [];
  return Object.keys(config).filter((key) => secretConfigKey.test(key) && typeof config[key] === "string" && config[key] !== "");
}

function maskStored(value: unknown): string {
  if (!isEncryptedSecret(value)) return maskMark;
  try {
    return maskSecret(decryptSecret(value));
  } catch {
    // Encrypted with another key: the secret must be entered again.
    return maskMark;
  }
}

/** The config as reads and audit rows show it: every secret replaced by its mask. */
export function maskedConfig(type: string, config: unknown): { config: Config; secretKeys: string[] } {
  const stored = (typeof config === "object" && config !== null && !Array.isArray(config) ? config : {}) as Config;
  const secretKeys = secretKeysOf(type, stored);
  const masked: Config = { ...stored };
  for (const key of secretKeys) masked[key] = maskStored(stored[key]);
  return { config: masked, secretKeys };
}

/**
 * The config to store for an input: new secrets encrypted, missing (typed) or still-masked (Other)
 * secrets taken from the stored config, which is kept only while the type stays the same.
 */
export function configToStore(input: DmsIntegrationInput, previous: { type: string; config: unknown } | null): { config: Config; secretReplaced: boolean } {
  const stored = previous && previous.type === input.type ? ((previous.config ?? {}) as Config) : {};
  const next: Config = { ...input.config };
  let secretReplaced = false;
  if (input.type !== "Other") {
    if (typeof next.secret === "string" && next.secret) {
      next.secret = encryptSecret(next.secret);
      secretReplaced = true;
    } else if (isEncryptedSecret(stored.secret)) next.secret = stored.secret;
    else delete next.secret;
    return { config: next, secretReplaced };
  }
  for (const key of secretKeysOf("Other", next)) {
    const value = next[key] as string;
    if (value.startsWith(maskMark)) {
      if (isEncryptedSecret(stored[key])) next[key] = stored[key];
      else delete next[key];
      continue;
    }
    next[key] = encryptSecret(value);
    secretReplaced = true;
  }
  return { config: next, secretReplaced };
}
