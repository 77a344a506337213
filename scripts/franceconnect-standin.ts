// The local FranceConnect stand-in on its own (npm start runs it for the demo; this is for trying it alone or
// beside `next dev`): `npx tsx scripts/franceconnect-standin.ts`, with PORT (the portal's, 3000 by default) and
// DEV_FRANCECONNECT_PORT (2527 by default). It prints the variables that point a portal at it.
import { ConfigurationError } from "../lib/db/database-config";
import { franceConnectEnvironment, loadFranceConnectConfig } from "../lib/franceconnect/franceconnect-config";
import { startDemoStandin } from "../lib/franceconnect/standin/start-demo-standin";

try {
  const config = loadFranceConnectConfig({ DEV_FRANCECONNECT_PORT: process.env.DEV_FRANCECONNECT_PORT }, "demo", {
    startsStandin: true,
    portalPort: process.env.PORT?.trim() || "3000",
  });
  if (!config.enabled || !config.standin) throw new Error("configuration inattendue");
  const standin = await startDemoStandin(config.settings, config.standin.port);
  console.log(`[franceconnect] Simulateur FranceConnect sur ${standin.issuer} (identités fictives).`);
  console.log("[franceconnect] Pour y brancher un portail :");
  for (const [name, value] of Object.entries(franceConnectEnvironment(config.settings))) console.log(`  ${name}=${value}`);
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => void standin.close().then(() => process.exit(0)));
} catch (error) {
  console.error(`[franceconnect] ${error instanceof ConfigurationError ? error.message : (error as Error).message}`);
  process.exit(1);
}
