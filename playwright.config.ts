import os from "node:os";
import path from "node:path";
import { defineConfig, devices } from "@playwright/test";
import { CHROMIUM_ARGS, systemChromium } from "./tests/support/chromium";
import { portalEnv } from "./tests/support/portal-env";

// The portal under test is started with the README's own start command, on a throwaway embedded database.
const port = Number(process.env.E2E_PORT ?? 3100);
const dataDir = path.join(os.tmpdir(), `mon-compte-e2e-${process.pid}`);

export default defineConfig({
  globalTeardown: "./tests/e2e/global-teardown.ts",
  testDir: "tests/e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  reporter: process.env.CI ? [["list"]] : [["list"]],
  use: {
    baseURL: `http://localhost:${port}`,
    locale: "fr-FR",
    trace: "retain-on-failure",
    launchOptions: { executablePath: systemChromium(), args: CHROMIUM_ARGS },
  },
  projects: [
    { name: "chromium", use: { ...devices["Desktop Chrome"] } },
    { name: "mobile", use: { ...devices["Pixel 7"] }, grep: /@mobile/ },
  ],
  webServer: {
    command: "npm start", // the README's own start command
    url: `http://localhost:${port}/connexion`,
    // A cold production build comes first (npm start builds when needed): several minutes on a 2-core machine.
    timeout: 600_000,
    reuseExistingServer: false,
    // Its own database, message sinks, FranceConnect stand-in and message file (tests/support/portal-env.ts).
    env: portalEnv(port, dataDir, path.join(dataDir, "..", `${path.basename(dataDir)}-messages.jsonl`)),
    stdout: "pipe",
  },
});
