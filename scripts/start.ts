// `npm start`: checks the configuration, builds the portal if needed, applies the migrations, loads the demo
// personas (demo mode only) and serves the portal with its own HTTP server in front of Next (scripts/serve-portal.ts). With no configuration at all, this is the
// demo on the embedded database; with MON_COMPTE_MODE=production (or a DATABASE_URL) it serves production.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { ConfigurationError } from "../lib/db/database-config";
import { loadAppConfig, type AppConfig, fieldKeysOf } from "../lib/config/app-config";
import { LOCK_OWNER_ENV, acquirePgliteLock } from "../lib/db/pglite-lock";
import { openPrisma } from "../lib/db/open-prisma";
import { pendingMigrations } from "../lib/db/pending-migrations";
import { applyPendingMigrations } from "../lib/db/apply-migrations-pglite";
import { seedPersonas } from "../prisma/seed/seed-personas";
import { seedTestFixtures, TEST_FIXTURES_ENV } from "../prisma/seed/test-fixtures";
import { enforceDemoSeparation } from "../lib/demo/demo-separation";
import { loadMessagingConfig } from "../lib/messaging/messaging-config";
import { startDevSinks } from "../lib/messaging/dev-sinks/start-dev-sinks";
import { parseTrustedProxies } from "../lib/auth/trusted-proxies";
import { franceConnectEnvironment, loadFranceConnectConfig, type FranceConnectConfig } from "../lib/franceconnect/franceconnect-config";

const root = path.resolve(import.meta.dirname, "..");
const say = (line: string) => console.log(`[mon-compte] ${line}`);

function fail(message: string): never {
  console.error(`[mon-compte] ${message}`);
  process.exit(1);
}

async function checkPostgresReachable(config: Extract<AppConfig["database"], { kind: "postgres" }>) {
  const client = new pg.Client({ connectionString: config.url, connectionTimeoutMillis: 5_000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new ConfigurationError(
      `Impossible de joindre le serveur PostgreSQL ${config.displayUrl} (${reason}) : vérifiez qu'il est démarré, que l'adresse et les identifiants de DATABASE_URL sont justes et que la base existe.`,
    );
  } finally {
    await client.end().catch(() => {});
  }
}

function newestSourceChange(): number {
  let newest = 0;
  const visit = (entry: string) => {
    const stat = fs.statSync(entry, { throwIfNoEntry: false });
    if (!stat) return;
    if (stat.isDirectory()) {
      for (const child of fs.readdirSync(entry)) if (child !== "generated") visit(path.join(entry, child));
    } else if (!entry.endsWith(".test.ts")) newest = Math.max(newest, stat.mtimeMs);
  };
  for (const entry of ["app", "components", "lib", "public", "proxy.ts", "instrumentation.ts", "next.config.ts", "package-lock.json"]) visit(path.join(root, entry));
  return newest;
}

function buildIfNeeded() {
  const buildId = path.join(root, ".next", "BUILD_ID");
  const builtAt = fs.statSync(buildId, { throwIfNoEntry: false })?.mtimeMs ?? 0;
  if (builtAt > newestSourceChange()) return;
  say(builtAt ? "Le code a changé depuis la dernière construction : reconstruction du portail…" : "Première construction du portail (une minute environ)…");
  const result = spawnSync("npm", ["run", "--silent", "build"], { cwd: root, stdio: "inherit" });
  if (result.status !== 0) fail("La construction du portail a échoué : voir les messages ci-dessus.");
}

function migrate(env: NodeJS.ProcessEnv) {
  const result = spawnSync("npm", ["run", "--silent", "db:migrate"], { cwd: root, env, encoding: "utf8" });
  if (result.status !== 0) {
    const output = `${result.stdout}\n${result.stderr}`;
    const detail = output.split("\n").find((line) => /Error|error:/.test(line))?.trim() ?? "voir le détail ci-dessous";
    console.error(output);
    fail(`Les migrations de la base n'ont pas pu être appliquées (${detail}).`);
  }
}

/** Demo without SMTP_URL / TWILIO_*: e-mails and SMS go to local sinks in this process, shown on /dev/messages. */
async function startDemoSinks(childEnv: NodeJS.ProcessEnv) {
  const messaging = loadMessagingConfig(process.env, "demo");
  if (messaging.localSinks.smtpPort === undefined && messaging.localSinks.smsPort === undefined) return;
  try {
    const sinks = await startDevSinks(messaging);
    childEnv.MESSAGES_SINK_FILE = sinks.store.file;
    if (sinks.smtp) say(`Courriels de démonstration reçus par un serveur SMTP local sur ${sinks.smtp.host}:${sinks.smtp.port}.`);
    if (sinks.sms) say(`SMS de démonstration reçus par une API SMS locale sur http://${sinks.sms.host}:${sinks.sms.port}.`);
    say("Ils ne quittent pas cette machine : lisez-les sur la page /dev/messages du portail.");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EADDRINUSE") throw error;
    say(
      `Un port des messages de démonstration (${[messaging.localSinks.smtpPort, messaging.localSinks.smsPort].filter(Boolean).join(", ")}) est déjà pris, par une autre démonstration ? Les messages iront au programme qui l'écoute ; DEV_SMTP_PORT et DEV_SMS_PORT en choisissent d'autres.`,
    );
  }
}

/** Demo without FRANCECONNECT_ISSUER: the local FranceConnect stand-in, in this process; the portal gets its settings. */
async function startDemoFranceConnect(franceConnect: FranceConnectConfig, childEnv: NodeJS.ProcessEnv) {
  if (!franceConnect.enabled) return;
  if (!franceConnect.standin) {
    say(`FranceConnect : ${franceConnect.settings.issuer}.`);
    return;
  }
  const { startDemoStandin } = await import("../lib/franceconnect/standin/start-demo-standin");
  try {
    const standin = await startDemoStandin(franceConnect.settings, franceConnect.standin.port);
    Object.assign(childEnv, franceConnectEnvironment(franceConnect.settings));
    say(`FranceConnect de démonstration : un simulateur local sur ${standin.issuer} propose les identités fictives des personas.`);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EADDRINUSE") throw error;
    say(
      `Le port du simulateur FranceConnect (${franceConnect.standin.port}) est déjà pris, par une autre démonstration ? FranceConnect sera indisponible ; DEV_FRANCECONNECT_PORT en choisit un autre.`,
    );
  }
}

async function main() {
  const port = process.env.PORT?.trim() || "3000";
  if (!/^\d{1,5}$/.test(port) || Number(port) < 1 || Number(port) > 65535) fail(`PORT vaut « ${port} » : indiquez un numéro de port entre 1 et 65535.`);
  let config: AppConfig;
  let franceConnect: FranceConnectConfig;
  try {
    config = loadAppConfig();
    // Messaging and FranceConnect settings are checked now, with the rest, rather than once the server is already up.
    loadMessagingConfig(process.env, config.mode);
    parseTrustedProxies(process.env.TRUSTED_PROXIES);
    franceConnect = loadFranceConnectConfig(process.env, config.mode, { startsStandin: true, portalPort: port });
    if (config.database.kind === "pglite") acquirePgliteLock(config.database.dataDir);
    else await checkPostgresReachable(config.database);
  } catch (error) {
    if (error instanceof ConfigurationError) fail(error.message);
    throw error;
  }
  const childEnv: NodeJS.ProcessEnv = { ...process.env, [LOCK_OWNER_ENV]: String(process.pid) };
  const where = config.database.kind === "pglite" ? `base embarquée ${path.relative(root, config.database.dataDir) || "."}` : `PostgreSQL ${config.database.displayUrl}`;
  say(`Mode ${config.mode === "demo" ? "démonstration" : "production"}, ${where}.`);

  buildIfNeeded();
  if (config.database.kind === "pglite") {
    const { PGlite } = await import("@electric-sql/pglite");
    const pglite = new PGlite(config.database.dataDir);
    const applied = await applyPendingMigrations(pglite, root).finally(() => pglite.close());
    if (applied.length) say(`Migrations appliquées : ${applied.join(", ")}.`);
  } else {
    const probe = await openPrisma(config.database, { poolSize: 1 });
    const pending = await pendingMigrations(probe, root).finally(() => probe.close());
    if (pending.length) {
      say(`Application de ${pending.length} migration(s) : ${pending.join(", ")}…`);
      migrate(childEnv);
    }
  }
  say("Base de données à jour.");
  await enforceDemoSeparation(config.database, config.mode);

  if (config.mode === "demo") {
    const database = await openPrisma(config.database);
    try {
      const result = await seedPersonas(database, fieldKeysOf(config));
      say(result.created ? `Personas de démonstration chargés (${result.foyers} foyers, ${result.personnes} personnes).` : "Personas de démonstration déjà présents.");
      // The browser tests' extra fictitious people (prisma/seed/test-fixtures.ts); never in a plain demo.
      if (process.env[TEST_FIXTURES_ENV] === "1" && (await seedTestFixtures(database, fieldKeysOf(config)))) say("Fixtures de test chargées.");
    } finally {
      await database.close();
    }
    await startDemoSinks(childEnv);
  }
  await startDemoFranceConnect(franceConnect, childEnv);
  if (!franceConnect.enabled) say("FranceConnect désactivé : FRANCECONNECT_ISSUER n'est pas défini (le bouton mène à une page d'indisponibilité).");

  const server = spawn(path.join(root, "node_modules", ".bin", "tsx"), [path.join("scripts", "serve-portal.ts")], {
    cwd: root,
    env: { ...childEnv, PORT: port, NODE_ENV: "production" },
    stdio: "inherit",
  });
  say(`Mon Compte démarre sur http://localhost:${port}`);
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
  server.on("exit", (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigurationError) fail(error.message);
  console.error(error);
  fail("Le démarrage a échoué pour une raison inattendue : voir le détail ci-dessus.");
});
