// Which database the portal talks to, read from the environment once and checked before anything connects.
// No DATABASE_URL → the embedded PGlite database in a local folder; DATABASE_URL=postgresql://… → a server.
import path from "node:path";

export type DatabaseConfig =
  | { kind: "pglite"; dataDir: string }
  | { kind: "postgres"; url: string; displayUrl: string };

/** A configuration problem the operator must fix: its message is one sentence meant to be printed alone. */
export class ConfigurationError extends Error {
  override name = "ConfigurationError";
}

/** The environment variables read here (process.env, or a plain object in tests). */
export type Environment = Record<string, string | undefined>;

export const DEFAULT_PGLITE_DIR = ".data/pglite";

export function resolveDatabaseConfig(env: Environment = process.env): DatabaseConfig {
  const url = env.DATABASE_URL?.trim();
  if (!url) {
    const dataDir = path.resolve(/* turbopackIgnore: true */ env.PGLITE_DATA_DIR?.trim() || DEFAULT_PGLITE_DIR);
    return { kind: "pglite", dataDir };
  }
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new ConfigurationError(
      "DATABASE_URL n'est pas une adresse valide : attendu postgresql://utilisateur:motdepasse@hote:5432/base (ou supprimez DATABASE_URL pour utiliser la base embarquée).",
    );
  }
  if (parsed.protocol !== "postgresql:" && parsed.protocol !== "postgres:") {
    throw new ConfigurationError(
      `DATABASE_URL doit commencer par postgresql:// (reçu « ${parsed.protocol}// ») : seul PostgreSQL est pris en charge.`,
    );
  }
  if (!parsed.hostname && !parsed.searchParams.get("host")) {
    throw new ConfigurationError("DATABASE_URL ne précise pas de serveur : attendu postgresql://utilisateur:motdepasse@hote:5432/base.");
  }
  if (parsed.pathname.length <= 1) {
    throw new ConfigurationError("DATABASE_URL ne précise pas de base de données : ajoutez son nom après le port, par exemple …:5432/moncompte.");
  }
  return { kind: "postgres", url, displayUrl: redactUrl(parsed) };
}

/** The URL without its password, for messages and logs. */
export function redactUrl(parsed: URL): string {
  const copy = new URL(parsed.toString());
  if (copy.password) copy.password = "****";
  return copy.toString();
}
