// FranceConnect settings, read from the environment and checked once, like the rest of the configuration.
// - Production: FranceConnect is on only when FRANCECONNECT_ISSUER and its companions are all set; otherwise the
//   button leads to the "momentanément indisponible" page.
// - Demo (`npm start` with nothing set): start.ts runs the local stand-in on DEV_FRANCECONNECT_PORT and hands the
//   portal its issuer and a demo client, through the same variables.
import { z } from "zod";
import { resolveMode, type AppMode } from "../config/app-config";
import { ConfigurationError } from "../db/database-config";

export type Environment = Record<string, string | undefined>;

export type FranceConnectSettings = {
  /** e.g. https://fcp-low.sbx.dev-franceconnect.fr/api/v2, or the stand-in's http://127.0.0.1:2527/api/v2 */
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** The portal's callback, as registered at FranceConnect (…/api/franceconnect/callback). */
  redirectUri: string;
  /** Where FranceConnect sends the person back after logout (…/api/franceconnect/deconnexion). */
  postLogoutRedirectUri: string;
};

export type FranceConnectConfig =
  | { enabled: false }
  | {
      enabled: true;
      settings: FranceConnectSettings;
      /** Demo only: the local stand-in start.ts must run for these settings to work. */
      standin?: { port: number };
    };

export const DEFAULT_DEV_FRANCECONNECT_PORT = 2527;
export const FRANCECONNECT_CALLBACK_PATH = "/api/franceconnect/callback";
export const FRANCECONNECT_LOGOUT_CALLBACK_PATH = "/api/franceconnect/deconnexion";
/** Public, fixed and labelled like the demo keys: they only let the portal talk to its own local stand-in. */
export const DEMO_FRANCECONNECT_CLIENT_ID = "mon-compte-demonstration";
export const DEMO_FRANCECONNECT_CLIENT_SECRET = "demo-only-franceconnect-client-secret-mon-compte";

const VARIABLES = [
  "FRANCECONNECT_ISSUER",
  "FRANCECONNECT_CLIENT_ID",
  "FRANCECONNECT_CLIENT_SECRET",
  "FRANCECONNECT_REDIRECT_URI",
  "FRANCECONNECT_POST_LOGOUT_REDIRECT_URI",
] as const;

const LOOPBACK = new Set(["127.0.0.1", "localhost", "[::1]"]);

function parseUrl(value: string): URL | null {
  try {
    return new URL(value);
  } catch {
    return null;
  }
}

function checkIssuer(value: string, mode: AppMode): string {
  const url = parseUrl(value);
  const plainHttpAllowed = url?.protocol === "http:" && (mode === "demo" || LOOPBACK.has(url.hostname));
  if (!url || !(url.protocol === "https:" || plainHttpAllowed) || url.search || url.hash) {
    throw new ConfigurationError(
      `FRANCECONNECT_ISSUER vaut « ${value} » : attendu l'adresse https de FranceConnect, par exemple https://fcp-low.sbx.dev-franceconnect.fr/api/v2 pour la plateforme d'intégration.`,
    );
  }
  return value.replace(/\/+$/, "");
}

function checkPortalUri(name: string, value: string, path: string, mode: AppMode): string {
  const url = parseUrl(value);
  const ok = url && (url.protocol === "https:" || (url.protocol === "http:" && (mode === "demo" || LOOPBACK.has(url.hostname)))) && url.pathname.endsWith(path) && !url.search && !url.hash;
  if (!ok) throw new ConfigurationError(`${name} vaut « ${value} » : attendu l'adresse publique du portail suivie de ${path}, par exemple https://moncompte.example${path}.`);
  return value;
}

const portSchema = z.coerce
  .number({ error: "DEV_FRANCECONNECT_PORT doit être un numéro de port entre 1 et 65535." })
  .int("DEV_FRANCECONNECT_PORT doit être un numéro de port entre 1 et 65535.")
  .min(1, "DEV_FRANCECONNECT_PORT doit être un numéro de port entre 1 et 65535.")
  .max(65535, "DEV_FRANCECONNECT_PORT doit être un numéro de port entre 1 et 65535.");

/**
 * Reads and checks the FranceConnect settings; throws a ConfigurationError whose message is one sentence.
 * `startsStandin`: true for start.ts in demo mode (it can run the stand-in); false in the portal itself, which
 * only ever uses what it was given.
 */
export function loadFranceConnectConfig(env: Environment, mode: AppMode, { startsStandin = false, portalPort = "3000" }: { startsStandin?: boolean; portalPort?: string } = {}): FranceConnectConfig {
  const read = (name: (typeof VARIABLES)[number]) => env[name]?.trim() || undefined;
  const given = VARIABLES.filter((name) => read(name));
  const portal = `http://localhost:${portalPort}`;

  if (!read("FRANCECONNECT_ISSUER")) {
    if (given.length > 0) {
      throw new ConfigurationError(`FranceConnect est configuré à moitié : FRANCECONNECT_ISSUER manque (${given.join(", ")} ${given.length > 1 ? "sont" : "est"} défini${given.length > 1 ? "s" : ""}).`);
    }
    if (mode !== "demo" || !startsStandin) return { enabled: false };
    const port = portSchema.safeParse(env.DEV_FRANCECONNECT_PORT?.trim() || DEFAULT_DEV_FRANCECONNECT_PORT);
    if (!port.success) throw new ConfigurationError(port.error.issues[0]!.message);
    return {
      enabled: true,
      standin: { port: port.data },
      settings: {
        issuer: `http://127.0.0.1:${port.data}/api/v2`,
        clientId: DEMO_FRANCECONNECT_CLIENT_ID,
        clientSecret: DEMO_FRANCECONNECT_CLIENT_SECRET,
        redirectUri: `${portal}${FRANCECONNECT_CALLBACK_PATH}`,
        postLogoutRedirectUri: `${portal}${FRANCECONNECT_LOGOUT_CALLBACK_PATH}`,
      },
    };
  }

  const issuer = checkIssuer(read("FRANCECONNECT_ISSUER")!, mode);
  const clientId = read("FRANCECONNECT_CLIENT_ID");
  const clientSecret = read("FRANCECONNECT_CLIENT_SECRET");
  if (!clientId || !clientSecret) {
    const missing = (["FRANCECONNECT_CLIENT_ID", "FRANCECONNECT_CLIENT_SECRET"] as const).filter((name) => !read(name));
    throw new ConfigurationError(`${missing.join(" et ")} ${missing.length > 1 ? "manquent" : "manque"} : ce sont l'identifiant et le secret du portail fournis par FranceConnect.`);
  }
  if (mode === "production" && clientSecret === DEMO_FRANCECONNECT_CLIENT_SECRET) {
    throw new ConfigurationError("FRANCECONNECT_CLIENT_SECRET utilise le secret de démonstration, interdit en production : indiquez celui fourni par FranceConnect.");
  }
  const redirect = read("FRANCECONNECT_REDIRECT_URI");
  const postLogout = read("FRANCECONNECT_POST_LOGOUT_REDIRECT_URI");
  if (mode === "production" && (!redirect || !postLogout)) {
    const missing = (["FRANCECONNECT_REDIRECT_URI", "FRANCECONNECT_POST_LOGOUT_REDIRECT_URI"] as const).filter((name) => !read(name));
    throw new ConfigurationError(`${missing.join(" et ")} ${missing.length > 1 ? "manquent" : "manque"} : indiquez les adresses de retour du portail déclarées chez FranceConnect.`);
  }
  return {
    enabled: true,
    settings: {
      issuer,
      clientId,
      clientSecret,
      redirectUri: checkPortalUri("FRANCECONNECT_REDIRECT_URI", redirect ?? `${portal}${FRANCECONNECT_CALLBACK_PATH}`, FRANCECONNECT_CALLBACK_PATH, mode),
      postLogoutRedirectUri: checkPortalUri(
        "FRANCECONNECT_POST_LOGOUT_REDIRECT_URI",
        postLogout ?? `${portal}${FRANCECONNECT_LOGOUT_CALLBACK_PATH}`,
        FRANCECONNECT_LOGOUT_CALLBACK_PATH,
        mode,
      ),
    },
  };
}

/** The environment variables that hand `settings` to the portal process (start.ts → next start). */
export function franceConnectEnvironment(settings: FranceConnectSettings): Record<(typeof VARIABLES)[number], string> {
  return {
    FRANCECONNECT_ISSUER: settings.issuer,
    FRANCECONNECT_CLIENT_ID: settings.clientId,
    FRANCECONNECT_CLIENT_SECRET: settings.clientSecret,
    FRANCECONNECT_REDIRECT_URI: settings.redirectUri,
    FRANCECONNECT_POST_LOGOUT_REDIRECT_URI: settings.postLogoutRedirectUri,
  };
}

let cached: FranceConnectConfig | undefined;
/**
 * The settings of the running portal, read once. Off unless FRANCECONNECT_ISSUER is set (start.ts sets it in the
 * demo). start.ts has refused a bad configuration already; a portal started some other way with one keeps
 * FranceConnect off (the button leads to "momentanément indisponible") and says why once.
 */
export function franceConnectConfig(): FranceConnectConfig {
  if (!cached) {
    try {
      cached = loadFranceConnectConfig(process.env, resolveMode(process.env), { portalPort: process.env.PORT?.trim() || "3000" });
    } catch (error) {
      if (!(error instanceof ConfigurationError)) throw error;
      console.error(`[mon-compte] FranceConnect désactivé : ${error.message}`);
      cached = { enabled: false };
    }
  }
  return cached;
}
