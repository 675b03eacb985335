import { defineConfig, devices } from "@playwright/test";

const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://localhost:${port}`;

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: true,
  workers: process.env.CI ? 2 : 2,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["html", { open: "never" }]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"] } }],
  // The production build on its own throwaway embedded database, migrated and seeded before it starts.
  webServer: {
    // A long keep-alive: Playwright's request client reuses idle sockets, and one closed by the server at
    // Node's 5 s default just as a test sends on it fails with ECONNRESET.
    command: `rm -rf .data/e2e && ([ -f .next/BUILD_ID ] || npm run build) && npm start -- --keepAliveTimeout 120000`,
    url: `${baseURL}/api/health`,
    timeout: 240_000,
    reuseExistingServer: false,
    env: { PORT: String(port), PGLITE_DIR: ".data/e2e/pglite", AUDIO_DIR: ".data/e2e/audio", SECRETS_FILE: ".data/e2e/secrets.json", NEXT_TELEMETRY_DISABLED: "1", DATABASE_URL: "" },
    stdout: "pipe",
    stderr: "pipe",
  },
});
