// The two ways out: e-mail over SMTP (nodemailer) and SMS through the Twilio REST API (the official client, its
// requests sent to TWILIO_BASE_URL so that a self-hosted gateway or the local sink receives the same HTTP calls).
// Every failure becomes a DeliveryError that says whether trying again can help (temporary) or not (permanent).
import nodemailer from "nodemailer";
import twilio from "twilio";
import { TWILIO_API_BASE_URL, type MessagingConfig } from "./messaging-config";

export type EmailPayload = { sujet: string; texte: string; html?: string | null };

export type Transports = {
  email(to: string, message: EmailPayload): Promise<void>;
  sms(to: string, texte: string): Promise<void>;
};

export const RAISON_ADRESSE_REFUSEE = "Cette adresse ne peut pas recevoir de messages.";
export const RAISON_NUMERO_REFUSE = "Ce numéro ne peut pas recevoir de SMS.";
export const RAISON_ENVOI_DIFFERE = "Le message n'a pas pu être envoyé pour l'instant : il vous parviendra dès que possible.";
/** For pages that just sent a verification code: the same news, worded for a code. */
export const RAISON_CODE_DIFFERE = "Le code n'a pas pu être envoyé pour l'instant : il vous parviendra dès que possible.";

/** A failed delivery. `raison` may be shown to the person; `detail` is short, technical, and safe to store or log. */
export class DeliveryError extends Error {
  override name = "DeliveryError";
  constructor(
    readonly permanent: boolean,
    readonly raison: string,
    readonly detail: string,
  ) {
    super(detail);
  }
}

/** Removes anything that could be a contact detail from a server's answer (some servers echo the recipient). */
export function redactDetail(text: string, recipient?: string): string {
  let out = text;
  if (recipient) out = out.split(recipient).join("[destinataire]");
  return out
    .replace(/<?[^\s<>@]+@[^\s<>@]+>?/g, "[adresse]")
    // International (+33 6 39 98 10 01), French national (06 39 98 10 01) or bare (639981001) phone numbers.
    .replace(/\+\d[\d .-]{6,}\d|\b0\d(?:[ .-]?\d\d){4}\b|\b\d{8,}\b/g, "[numéro]")
    .replace(/\s+/g, " ")
    .trim()
    .slice(0, 160);
}

type SmtpLikeError = Error & { code?: string; responseCode?: number; response?: string; command?: string };

/** SMTP: 5xx on the envelope or the message (recipient refused) is permanent; 4xx, network and auth are not. */
export function classifySmtpError(error: unknown, recipient?: string): DeliveryError {
  if (error instanceof DeliveryError) return error;
  const e = (error ?? {}) as SmtpLikeError;
  const code = typeof e.code === "string" ? e.code : "ERREUR";
  const status = typeof e.responseCode === "number" ? e.responseCode : undefined;
  // The server's answer starts with its status code ("550 5.1.1 …"); without one, the error's own message.
  const detail = `smtp ${code} ${redactDetail(e.response ?? e.message ?? "", recipient)}`.trim().slice(0, 200);
  // nodemailer refuses a malformed address itself (EENVELOPE with no server answer).
  const recipientRefused = (code === "EENVELOPE" || code === "EMESSAGE") && (status === undefined ? e.command === "API" : status >= 500);
  if (recipientRefused) return new DeliveryError(true, RAISON_ADRESSE_REFUSEE, detail);
  return new DeliveryError(false, RAISON_ENVOI_DIFFERE, detail);
}

// Twilio error codes that describe the sending account, not the recipient: fixing the configuration fixes them.
const TWILIO_ACCOUNT_ERRORS = new Set([20003, 20404, 21212, 21603, 21606, 21659, 30002]);

type HttpLikeError = Error & { status?: number; code?: number | string };

/** Twilio: 400 about the recipient (invalid or unreachable number) is permanent; network, 401/404/429 and 5xx are not. */
export function classifySmsError(error: unknown, recipient?: string): DeliveryError {
  if (error instanceof DeliveryError) return error;
  const e = (error ?? {}) as HttpLikeError;
  if (typeof e.status === "number") {
    const twilioCode = typeof e.code === "number" ? e.code : undefined;
    const detail = `sms http ${e.status}${twilioCode ? ` code ${twilioCode}` : ""}${e.message ? ` ${redactDetail(e.message, recipient)}` : ""}`.slice(0, 200);
    const permanent = (e.status === 400 || e.status === 422) && !(twilioCode && TWILIO_ACCOUNT_ERRORS.has(twilioCode));
    return new DeliveryError(permanent, permanent ? RAISON_NUMERO_REFUSE : RAISON_ENVOI_DIFFERE, detail);
  }
  const code = typeof e.code === "string" ? e.code : e.name || "ERREUR";
  return new DeliveryError(false, RAISON_ENVOI_DIFFERE, `sms ${code}`.slice(0, 200));
}

export const SMTP_TIMEOUTS = { connectionTimeout: 5_000, greetingTimeout: 5_000, socketTimeout: 10_000, dnsTimeout: 5_000 } as const;
export const SMS_TIMEOUT_MS = 10_000;

export function createTransports(config: Pick<MessagingConfig, "smtpUrl" | "mailFrom" | "sms">): Transports {
  const mailer = nodemailer.createTransport({ url: config.smtpUrl, ...SMTP_TIMEOUTS });

  const client = twilio(config.sms.accountSid, config.sms.authToken, { timeout: SMS_TIMEOUT_MS, autoRetry: false });
  // Every REST domain carries its own base URL; messages live on the "api" domain.
  client.api.baseUrl = config.sms.baseUrl;
  if (config.sms.baseUrl !== TWILIO_API_BASE_URL) {
    // TWILIO_REGION / TWILIO_EDGE (read from the environment by the client) would rewrite a gateway's host name.
    client.region = undefined;
    client.edge = undefined;
  }
  const sender = config.sms.from.startsWith("MG") ? { messagingServiceSid: config.sms.from } : { from: config.sms.from };

  return {
    async email(to, { sujet, texte, html }) {
      try {
        await mailer.sendMail({
          from: config.mailFrom,
          to,
          subject: sujet,
          text: texte,
          ...(html ? { html } : {}),
          headers: { "Auto-Submitted": "auto-generated", "X-Auto-Response-Suppress": "All" },
        });
      } catch (error) {
        throw classifySmtpError(error, to);
      }
    },
    async sms(to, texte) {
      try {
        await client.messages.create({ to, body: texte, ...sender });
      } catch (error) {
        throw classifySmsError(error, to);
      }
    },
  };
}
