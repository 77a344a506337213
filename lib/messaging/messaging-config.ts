// How the portal sends its messages: an SMTP server for e-mails, a Twilio-compatible HTTP API for SMS.
// Production names its own servers (a missing setting stops start-up with one sentence); the demo, when nothing is
// configured, sends to the local sinks started by `npm start` (loopback only, real protocols, nothing leaves the
// machine) whose messages are shown on /dev/messages.
import { z } from "zod";
import { resolveMode, type AppMode } from "../config/app-config";
import { ConfigurationError } from "../db/database-config";

/** process.env, or any set of variables (tests). */
export type Environment = Record<string, string | undefined>;

export type SmsConfig = {
  accountSid: string;
  authToken: string;
  /** A phone number in E.164, an alphanumeric sender ID, or a Messaging Service SID (MG…). */
  from: string;
  /** Where the Twilio REST API is reached: https://api.twilio.com, a self-hosted gateway, or the local sink. */
  baseUrl: string;
};

export type MessagingConfig = {
  mode: AppMode;
  /** smtp://user:pass@host:587 or smtps://…:465 */
  smtpUrl: string;
  /** The From header of e-mails, e.g. "Mon Compte" <ne-pas-repondre@moncompte.example>. */
  mailFrom: string;
  sms: SmsConfig;
  /** Demo only: the local sinks to start (ports on 127.0.0.1) because no real server was configured. */
  localSinks: { smtpPort?: number; smsPort?: number };
};

export const DEFAULT_DEV_SMTP_PORT = 2525;
export const DEFAULT_DEV_SMS_PORT = 2526;
export const DEMO_MAIL_FROM = '"Mon Compte (démonstration)" <ne-pas-repondre@moncompte.invalid>';
/** Public, fixed and labelled like the demo keys: they only let the portal talk to its own local SMS sink. */
export const DEMO_TWILIO_ACCOUNT_SID = `ACdemo${"0".repeat(28)}`;
export const DEMO_TWILIO_AUTH_TOKEN = "demo-token-mon-compte-puits-sms";
export const DEMO_TWILIO_FROM = "MonCompte";
export const TWILIO_API_BASE_URL = "https://api.twilio.com";

const portSchema = (name: string) =>
  z.coerce
    .number({ error: `${name} doit être un numéro de port entre 1 et 65535.` })
    .int(`${name} doit être un numéro de port entre 1 et 65535.`)
    .min(1, `${name} doit être un numéro de port entre 1 et 65535.`)
    .max(65535, `${name} doit être un numéro de port entre 1 et 65535.`);

const smtpUrlSchema = z.string().refine((value) => {
  try {
    const url = new URL(value);
    return (url.protocol === "smtp:" || url.protocol === "smtps:") && url.hostname !== "";
  } catch {
    return false;
  }
}, "SMTP_URL n'est pas une adresse valide : attendu smtp://utilisateur:motdepasse@serveur:587 (ou smtps://…:465).");

const baseUrlSchema = z.string().refine((value) => {
  try {
    const url = new URL(value);
    return (url.protocol === "https:" || url.protocol === "http:") && url.hostname !== "";
  } catch {
    return false;
  }
}, "TWILIO_BASE_URL n'est pas une adresse valide : attendu par exemple https://api.twilio.com.");

const accountSidSchema = z
  .string()
  .regex(/^AC[0-9A-Za-z]{6,62}$/, "TWILIO_ACCOUNT_SID doit commencer par AC (l'identifiant du compte Twilio, par exemple AC0123…).");

const fromSchema = z
  .string()
  .regex(
    /^(\+[1-9]\d{6,14}|MG[0-9a-fA-F]{32}|[A-Za-z0-9 ]{1,11})$/,
    "TWILIO_FROM doit être un numéro au format international (+33…), un nom d'expéditeur de 11 caractères au plus ou un service de messagerie (MG…).",
  );

function firstIssue(result: { success: false; error: z.ZodError }): never {
  throw new ConfigurationError(result.error.issues[0]!.message);
}

function parse<T>(schema: z.ZodType<T>, value: unknown): T {
  const result = schema.safeParse(value);
  if (!result.success) firstIssue(result);
  return result.data;
}

/** Reads and checks the messaging settings. Throws a ConfigurationError whose message is one sentence. */
export function loadMessagingConfig(env: Environment = process.env, mode: AppMode = resolveMode(env as NodeJS.ProcessEnv)): MessagingConfig {
  const read = (name: string) => env[name]?.trim() || undefined;
  const localSinks: MessagingConfig["localSinks"] = {};

  // E-mail.
  let smtpUrl = read("SMTP_URL");
  if (smtpUrl) {
    smtpUrl = parse(smtpUrlSchema, smtpUrl);
  } else if (mode === "demo") {
    localSinks.smtpPort = parse(portSchema("DEV_SMTP_PORT"), read("DEV_SMTP_PORT") ?? DEFAULT_DEV_SMTP_PORT);
    smtpUrl = `smtp://127.0.0.1:${localSinks.smtpPort}`;
  } else {
    throw new ConfigurationError(
      "SMTP_URL est obligatoire en production : indiquez le serveur d'envoi des courriels, par exemple smtp://utilisateur:motdepasse@serveur:587.",
    );
  }
  const mailFrom = read("MAIL_FROM") ?? (mode === "demo" ? DEMO_MAIL_FROM : undefined);
  if (!mailFrom) {
    throw new ConfigurationError(
      "MAIL_FROM est obligatoire en production : indiquez l'expéditeur des courriels, par exemple \"Mon Compte\" <ne-pas-repondre@votre-domaine.fr>.",
    );
  }
  if (!/<[^<>@\s]+@[^<>@\s]+>$|^[^<>@\s]+@[^<>@\s]+$/.test(mailFrom)) {
    throw new ConfigurationError(`MAIL_FROM vaut « ${mailFrom} » : attendu une adresse, éventuellement précédée d'un nom ("Mon Compte" <adresse@domaine.fr>).`);
  }

  // SMS.
  const twilioNames = ["TWILIO_ACCOUNT_SID", "TWILIO_AUTH_TOKEN", "TWILIO_FROM"] as const;
  const given = twilioNames.filter((name) => read(name));
  let sms: SmsConfig;
  if (given.length === twilioNames.length) {
    sms = {
      accountSid: parse(accountSidSchema, read("TWILIO_ACCOUNT_SID")),
      authToken: read("TWILIO_AUTH_TOKEN")!,
      from: parse(fromSchema, read("TWILIO_FROM")),
      baseUrl: parse(baseUrlSchema, read("TWILIO_BASE_URL") ?? TWILIO_API_BASE_URL).replace(/\/+$/, ""),
    };
  } else if (given.length > 0) {
    const missing = twilioNames.filter((name) => !read(name));
    throw new ConfigurationError(
      `L'envoi des SMS est configuré à moitié : ${missing.join(" et ")} ${missing.length > 1 ? "manquent" : "manque"} (TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN et TWILIO_FROM vont ensemble).`,
    );
  } else if (mode === "demo") {
    localSinks.smsPort = parse(portSchema("DEV_SMS_PORT"), read("DEV_SMS_PORT") ?? DEFAULT_DEV_SMS_PORT);
    sms = {
      accountSid: DEMO_TWILIO_ACCOUNT_SID,
      authToken: DEMO_TWILIO_AUTH_TOKEN,
      from: DEMO_TWILIO_FROM,
      baseUrl: `http://127.0.0.1:${localSinks.smsPort}`,
    };
  } else {
    throw new ConfigurationError(
      "TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN et TWILIO_FROM sont obligatoires en production : ce sont les identifiants du service d'envoi des SMS.",
    );
  }
  if (mode === "production" && sms.accountSid === DEMO_TWILIO_ACCOUNT_SID) {
    throw new ConfigurationError("TWILIO_ACCOUNT_SID utilise l'identifiant de démonstration, interdit en production : indiquez celui de votre compte Twilio.");
  }

  if (localSinks.smtpPort !== undefined && localSinks.smtpPort === localSinks.smsPort) {
    throw new ConfigurationError("DEV_SMTP_PORT et DEV_SMS_PORT désignent le même port : choisissez deux ports différents.");
  }

  return { mode, smtpUrl, mailFrom, sms, localSinks };
}

let cached: MessagingConfig | undefined;
/** The settings of the running process, read once. */
export function messagingConfig(): MessagingConfig {
  cached ??= loadMessagingConfig();
  return cached;
}
