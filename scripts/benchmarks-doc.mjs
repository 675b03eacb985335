// docs/benchmarks.md is written by three scripts (bench, check-bundle-size, lighthouse): each one
// replaces only its own section, between `<!-- name:start -->` and `<!-- name:end -->`.
import fs from "node:fs";
import path from "node:path";

const intro = `# Benchmarks

Measured by scripts, never asserted by tests: \`npm run db:generate-large\` (data), \`npm run bench\` (API and
pages against raw SQL, memory), \`node scripts/check-bundle-size.mjs --report\` (first-load JavaScript per route)
and \`npm run lighthouse\`. Each section below is rewritten by its script.
`;

/** Replaces (or appends) the section `name` of the markdown file with `body`. */
export function replaceSection(file, name, body) {
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  const current = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : intro;
  const block = `${start}\n${body.trim()}\n${end}`;
  const from = current.indexOf(start);
  const to = current.indexOf(end);
  const next = from >= 0 && to > from ? `${current.slice(0, from)}${block}${current.slice(to + end.length)}` : `${current.trimEnd()}\n\n${block}\n`;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, next);
}

/** Signs in through Auth.js's credentials endpoint (as tests/e2e/helpers.ts signInAs) and returns the Cookie header. */
export async function signIn(base, email, password) {
  const jar = new Map();
  const keep = (response) => {
    for (const header of response.headers.getSetCookie()) {
      const [pair] = header.split(";");
      const [name, ...value] = pair.split("=");
      jar.set(name.trim(), value.join("="));
    }
  };
  const cookieHeader = () => [...jar].map(([name, value]) => `${name}=${value}`).join("; ");
  const csrfResponse = await fetch(`${base}/api/auth/csrf`);
  keep(csrfResponse);
  const { csrfToken } = await csrfResponse.json();
  const response = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookieHeader() },
    body: new URLSearchParams({ csrfToken, email, password, callbackUrl: "/" }),
  });
  keep(response);
  if (![...jar.keys()].some((name) => name.includes("session-token"))) throw new Error(`Sign-in as ${email} failed (HTTP ${response.status}).`);
  return cookieHeader();
}
