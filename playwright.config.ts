import os from "node:os";
import path from "node:path";
import { defineConfig, devices } from "@playwright/test";
import { CHROMIUM_ARGS, systemChromium } from "./tests/support/chromium";

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
    timeout: 240_000,
    reuseExistingServer: false,
    // Its own database, message sinks and message file: a demo running beside it is not disturbed.
    env: {
      PORT: String(port),
      PGLITE_DATA_DIR: dataDir,
      DATABASE_URL: "",
      MON_COMPTE_MODE: "demo",
      DEV_SMTP_PORT: String(port + 25),
      DEV_SMS_PORT: String(port + 26),
      // The local FranceConnect stand-in (npm start runs it when FRANCECONNECT_ISSUER is empty).
      DEV_FRANCECONNECT_PORT: String(port + 27),
      FRANCECONNECT_ISSUER: "",
      FRANCECONNECT_CLIENT_ID: "",
      FRANCECONNECT_CLIENT_SECRET: "",
      FRANCECONNECT_REDIRECT_URI: "",
      FRANCECONNECT_POST_LOGOUT_REDIRECT_URI: "",
      MESSAGES_SINK_FILE: path.join(dataDir, "..", `${path.basename(dataDir)}-messages.jsonl`),
      SMTP_URL: "",
      TWILIO_ACCOUNT_SID: "",
    },
    stdout: "pipe",
  },
});
