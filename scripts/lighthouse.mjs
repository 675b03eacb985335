// npm run lighthouse -- --url http://127.0.0.1:3199 [--email admin@sunrise.test] [--password demo-password] [--mobile]
//
// Lighthouse (performance, accessibility, best practices) on Debian's Chromium, headless, against a running
// production build: the sign-in page, the dashboard and a call page (signed in: the session cookie is sent
// with extraHeaders). Desktop settings unless --mobile. Writes the scores and the failed audits into
// docs/benchmarks.md (section between the lighthouse markers).
import path from "node:path";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import desktopConfig from "lighthouse/core/config/desktop-config.js";
import { replaceSection, signIn } from "./benchmarks-doc.mjs";

const args = process.argv.slice(2);
const arg = (name, fallback) => {
  const index = args.indexOf(`--${name}`);
  return index >= 0 ? args[index + 1] : fallback;
};
const base = (arg("url", process.env.BENCH_URL) ?? "").replace(/\/$/, "");
if (!base) {
  console.error("Usage: npm run lighthouse -- --url http://127.0.0.1:3199 (a running production build: npm run build && npm start)");
  process.exit(2);
}
const email = arg("email", "admin@sunrise.test");
const password = arg("password", "demo-password");
const mobile = args.includes("--mobile");
const categories = ["performance", "accessibility", "best-practices"];

async function firstCallId(cookie) {
  const input = encodeURIComponent(JSON.stringify({ json: { filters: {}, sort: "time_desc", limit: 1 } }));
  const response = await fetch(`${base}/api/trpc/calls.list?input=${input}`, { headers: { cookie } });
  const body = await response.json();
  const id = body?.result?.data?.json?.items?.[0]?.id;
  if (!id) throw new Error(`No call to open for ${email}: ${JSON.stringify(body).slice(0, 200)}`);
  return id;
}

const cookie = await signIn(base, email, password);
const pages = [
  { name: "Sign-in", path: "/sign-in", cookie: null },
  { name: "Dashboard", path: "/", cookie },
  { name: "Call page", path: `/calls/${await firstCallId(cookie)}`, cookie },
];

const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
});
const results = [];
try {
  for (const page of pages) {
    const flags = { port: chrome.port, output: "json", logLevel: "error", onlyCategories: categories, extraHeaders: page.cookie ? { cookie: page.cookie } : undefined };
    const runner = await lighthouse(`${base}${page.path}`, flags, mobile ? undefined : desktopConfig);
    const lhr = runner.lhr;
    const scores = Object.fromEntries(categories.map((id) => [id, Math.round((lhr.categories[id]?.score ?? 0) * 100)]));
    const failed = [];
    for (const id of categories) {
      for (const ref of lhr.categories[id]?.auditRefs ?? []) {
        const audit = lhr.audits[ref.id];
        if (!audit || ref.weight === 0 || audit.score === null || audit.score >= 0.9) continue;
        const detail = audit.id === "errors-in-console" ? `: ${(audit.details?.items ?? []).map((item) => `${item.source}: ${String(item.description).slice(0, 140)}`).join(" / ")}` : "";
        failed.push(`${audit.title}${audit.displayValue ? ` (${audit.displayValue})` : ""}${detail}`);
      }
    }
    const metrics = ["first-contentful-paint", "largest-contentful-paint", "total-blocking-time", "cumulative-layout-shift"]
      .map((id) => `${lhr.audits[id]?.title}: ${lhr.audits[id]?.displayValue ?? "–"}`)
      .join("; ");
    results.push({ ...page, scores, failed, metrics, finalUrl: lhr.finalDisplayedUrl });
    console.log(`${page.name} (${page.path}): ${categories.map((id) => `${id} ${scores[id]}`).join(", ")}`);
    for (const item of failed) console.log(`  - ${item}`);
  }
} finally {
  await chrome.kill();
}

const date = new Date().toISOString().slice(0, 16).replace("T", " ");
const table = [
  "| Page | Performance | Accessibility | Best practices | Metrics | Findings (score < 0.9) |",
  "|---|---:|---:|---:|---|---|",
  ...results.map((r) => `| ${r.name} (\`${r.path.replace(/\/calls\/\d+/, "/calls/[id]")}\`) | ${r.scores.performance} | ${r.scores.accessibility} | ${r.scores["best-practices"]} | ${r.metrics} | ${r.failed.join("; ") || "none"} |`),
].join("\n");
replaceSection(
  path.resolve("docs/benchmarks.md"),
  "lighthouse",
  `## Lighthouse\n\nLighthouse 12.2.3, ${mobile ? "mobile (default throttling)" : "desktop preset"}, Debian Chromium headless, ${date} UTC, against the production build at ${base} signed in as ${email} (the dashboard and call page). The machine is shared and loaded, which lowers the performance scores.\n\n${table}`,
);
console.log(table);
