// The portal's settings, read from the environment and checked once. Demo mode is what `npm start` runs with
// no configuration: embedded database, demo personas, demo keys. Production refuses to start without its keys.
import { z } from "zod";
import type { FieldKeys } from "../crypto/field-encryption";
import { ConfigurationError, resolveDatabaseConfig, type DatabaseConfig, type Environment } from "../db/database-config";

export type AppMode = "demo" | "production";

export type AppConfig = {
  mode: AppMode;
  operatorName: string;
  database: DatabaseConfig;
  /** 32-byte keys: one encrypts NIRs and contact details at rest, the other makes their lookup hashes. */
  dataEncryptionKey: Buffer;
  dataLookupKey: Buffer;
  /** Signs and encrypts session tokens (next-auth's secret). */
  authSecret: string;
};

// Public, fixed and labelled: they protect nothing but fictitious demo data, and production cannot use them.
const DEMO_ENCRYPTION_KEY = "ZGVtby1vbmx5LWVuY3J5cHRpb24ta2V5LW1vbi1jb20=";
const DEMO_LOOKUP_KEY = "ZGVtby1vbmx5LWxvb2t1cC1rZXktbW9uLWNvbXB0ZS0=";
const DEMO_AUTH_SECRET = "demo-only-session-secret-for-fictitious-data";

const keySchema = (name: string) =>
  z
    .string()
    .transform((value) => Buffer.from(value, "base64"))
    .refine((key) => key.length === 32, `${name} doit contenir 32 octets encodés en base64 (par exemple : openssl rand -base64 32).`);

export function resolveMode(env: Environment = process.env): AppMode {
  const explicit = env.MON_COMPTE_MODE?.trim();
  if (explicit === "demo" || explicit === "production") return explicit;
  if (explicit) throw new ConfigurationError(`MON_COMPTE_MODE vaut « ${explicit} » : les valeurs possibles sont demo et production.`);
  return env.DATABASE_URL?.trim() ? "production" : "demo";
}

export function loadAppConfig(env: Environment = process.env): AppConfig {
  const mode = resolveMode(env);
  const database = resolveDatabaseConfig(env);
  const readKey = (name: "DATA_ENCRYPTION_KEY" | "DATA_LOOKUP_KEY", demoValue: string) => {
    const raw = env[name]?.trim() || (mode === "demo" ? demoValue : undefined);
    if (!raw) throw new ConfigurationError(`${name} est obligatoire en production : générez-la avec « openssl rand -base64 32 ».`);
    if (mode === "production" && raw === demoValue) {
      throw new ConfigurationError(`${name} utilise la clé de démonstration, interdite en production : générez-en une avec « openssl rand -base64 32 ».`);
    }
    const parsed = keySchema(name).safeParse(raw);
    if (!parsed.success) throw new ConfigurationError(parsed.error.issues[0]!.message);
    return parsed.data;
  };
  return {
    mode,
    operatorName: env.OPERATOR_NAME?.trim() || "Caisse d'allocations familiales",
    database,
    dataEncryptionKey: readKey("DATA_ENCRYPTION_KEY", DEMO_ENCRYPTION_KEY),
    dataLookupKey: readKey("DATA_LOOKUP_KEY", DEMO_LOOKUP_KEY),
    authSecret: readAuthSecret(env, mode),
  };
}

function readAuthSecret(env: Environment, mode: AppMode): string {
  const secret = env.AUTH_SECRET?.trim();
  if (!secret) {
    if (mode === "demo") return DEMO_AUTH_SECRET;
    throw new ConfigurationError("AUTH_SECRET est obligatoire en production : générez-le avec « openssl rand -base64 32 ».");
  }
  if (mode === "production" && (secret === DEMO_AUTH_SECRET || secret.length < 32)) {
    throw new ConfigurationError("AUTH_SECRET doit compter au moins 32 caractères aléatoires en production (openssl rand -base64 32).");
  }
  return secret;
}

/** The two data keys in the shape lib/crypto/field-encryption.ts takes them. */
export function fieldKeysOf(config: Pick<AppConfig, "dataEncryptionKey" | "dataLookupKey">): FieldKeys {
  return { encryptionKey: config.dataEncryptionKey, lookupKey: config.dataLookupKey };
}

let cached: AppConfig | undefined;
export function appConfig(): AppConfig {
  cached ??= loadAppConfig();
  return cached;
}
