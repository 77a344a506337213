// `npm test`: the whole suite, in order — types, lint, unit tests, integration tests on PGlite and on a
// throwaway PostgreSQL server, then the browser tests in Chromium. Under CI=true the PostgreSQL run and the
// browser tests are mandatory: a missing server or browser fails the run instead of being skipped.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { startThrowawayPostgres } from "./throwaway-postgres";
import { systemChromium } from "../tests/support/chromium";

const root = path.resolve(import.meta.dirname, "..");
const ci = process.env.CI === "true" || process.env.CI === "1";
const reports = fs.mkdtempSync(path.join(os.tmpdir(), "mon-compte-tests-"));
const totals = { passed: 0, failed: 0, skipped: 0 };
const failures: string[] = [];
const say = (line: string) => console.log(`\n[tests] ${line}`);

function step(name: string, command: string, args: string[], env: Record<string, string> = {}): boolean {
  say(name);
  const result = spawnSync(command, args, { cwd: root, stdio: "inherit", env: { ...process.env, ...env } });
  if (result.status !== 0) failures.push(name);
  return result.status === 0;
}

function countVitest(file: string) {
  if (!fs.existsSync(file)) return;
  const report = JSON.parse(fs.readFileSync(file, "utf8")) as { numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number };
  totals.passed += report.numPassedTests;
  totals.failed += report.numFailedTests;
  totals.skipped += report.numPendingTests + report.numTodoTests;
}

function countPlaywright(file: string) {
  if (!fs.existsSync(file)) return;
  const report = JSON.parse(fs.readFileSync(file, "utf8")) as { stats: { expected: number; unexpected: number; flaky: number; skipped: number } };
  totals.passed += report.stats.expected + report.stats.flaky;
  totals.failed += report.stats.unexpected;
  totals.skipped += report.stats.skipped;
}

function vitest(name: string, projects: string[], env: Record<string, string> = {}) {
  const output = path.join(reports, `${name}.json`);
  const args = ["vitest", "run", ...projects.flatMap((p) => ["--project", p]), "--reporter=default", "--reporter=json", `--outputFile.json=${output}`];
  step(name, "npx", args, env);
  countVitest(output);
}

async function main() {
  step("Génération du client Prisma", "npm", ["run", "--silent", "db:generate"]);
  step("Vérification des types (tsc)", "npx", ["tsc", "--noEmit"]);
  step("Analyse statique (eslint)", "npx", ["eslint", "--max-warnings=0", "."]);
  vitest("unit", ["unit"]);
  vitest("integration-pglite", ["integration-pglite"], { TEST_POSTGRES_URL: "" });

  let postgresUrl = process.env.TEST_POSTGRES_URL;
  let stopPostgres: (() => void) | undefined;
  if (!postgresUrl) {
    const server = await startThrowawayPostgres();
    if ("unavailable" in server) {
      const message = `Tests PostgreSQL non exécutés : ${server.unavailable}.`;
      if (ci) failures.push(message);
      say(ci ? `ÉCHEC — ${message}` : `${message} Installez PostgreSQL (apt-get install postgresql) pour les lancer.`);
    } else {
      postgresUrl = server.url;
      stopPostgres = server.stop;
    }
  }
  if (postgresUrl) {
    try {
      vitest("integration-postgres", ["integration-postgres"], { TEST_POSTGRES_URL: postgresUrl });
    } finally {
      stopPostgres?.();
    }
  }

  const chromium = systemChromium();
  const playwrightBrowserDir = path.join(os.homedir(), ".cache", "ms-playwright");
  if (!chromium && !fs.existsSync(playwrightBrowserDir)) {
    const message = "Tests navigateur non exécutés : aucun Chromium trouvé (apt-get install chromium, ou npx playwright install chromium).";
    if (ci) failures.push(message);
    say(ci ? `ÉCHEC — ${message}` : message);
  } else {
    // The production build comes first, as its own step: on a loaded machine it can take longer than the time
    // Playwright gives its web server to answer. `npm start` then finds it up to date and only starts.
    if (step("Construction du portail (next build)", "npm", ["run", "--silent", "build"], { NEXT_TELEMETRY_DISABLED: "1" })) {
      const output = path.join(reports, "e2e.json");
      step("Tests de bout en bout (Playwright, Chromium)", "npx", ["playwright", "test", "--reporter=list,json"], { PLAYWRIGHT_JSON_OUTPUT_NAME: output });
      countPlaywright(output);
    }
  }

  fs.rmSync(reports, { recursive: true, force: true });
  console.log("");
  if (failures.length) console.log(`[tests] Étapes en échec : ${failures.join(" ; ")}`);
  console.log(`tests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
  process.exit(failures.length || totals.failed ? 1 : 0);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
