// What the portal tells people about verification codes: validity, the outcome of each try, the limits.
// Pure (no node:crypto, no database): the screens may import it, e.g. for the validity countdown.
import type { ActionResult } from "../forms/action-result";

export type CanalCode = "EMAIL" | "SMS";

/** How long a code stays valid, by channel (SPEC §3: SMS 10 minutes, e-mail 15 minutes). */
export const SMS_CODE_VALIDITY_MINUTES = 10;
export const EMAIL_CODE_VALIDITY_MINUTES = 15;
export const SMS_CODE_VALIDITY_MS = SMS_CODE_VALIDITY_MINUTES * 60_000;
export const EMAIL_CODE_VALIDITY_MS = EMAIL_CODE_VALIDITY_MINUTES * 60_000;

export function codeValidityMinutes(canal: CanalCode): number {
  return canal === "SMS" ? SMS_CODE_VALIDITY_MINUTES : EMAIL_CODE_VALIDITY_MINUTES;
}

/** Wrong tries that kill a code. */
export const MAX_CODE_TRIES = 5;
/** New codes allowed per contact detail and purpose after the first one, over a sliding 24 hours. */
export const MAX_NEW_CODES = 3;
export const NEW_CODES_WINDOW_MS = 24 * 60 * 60_000;

export type VerifyFailureReason =
  | "MAL_FORME"
  | "INCORRECT"
  | "EXPIRE"
  | "DEJA_UTILISE"
  | "REMPLACE"
  | "TROP_D_ESSAIS"
  | "INTROUVABLE";

const plural = (count: number, singular: string, pluralForm = `${singular}s`) =>
  `${count} ${count === 1 ? singular : pluralForm}`;

export const CODE_MESSAGES = {
  incorrect: (essaisRestants: number) =>
    `Le code saisi est incorrect. Il vous reste ${plural(essaisRestants, "essai")} avant que ce code ne soit plus valable.`,
  /** The wrong try that used up the last one. */
  incorrectDernierEssai: `Le code saisi est incorrect. Vous avez fait ${MAX_CODE_TRIES} essais : ce code n'est plus valable. Demandez un nouveau code.`,
  tropDEssais: `Ce code n'est plus valable : le nombre maximal de ${MAX_CODE_TRIES} essais a été atteint. Demandez un nouveau code.`,
  expire: (canal: CanalCode) =>
    `Ce code a expiré : un code envoyé par ${canal === "SMS" ? "SMS" : "courriel"} n'est valable que ${codeValidityMinutes(canal)} minutes. Demandez un nouveau code.`,
  dejaUtilise: "Ce code a déjà été utilisé : un code ne sert qu'une seule fois. Si nécessaire, demandez un nouveau code.",
  remplace: "Ce code a été remplacé par un code plus récent : saisissez le dernier code que vous avez reçu.",
  introuvable: "Aucun code de vérification n'est en attente pour cette demande : demandez un nouveau code.",
  tropDeNouveauxCodes:
    "Vous avez demandé trop de nouveaux codes pour cette adresse. Réessayez demain, modifiez vos coordonnées, ou contactez votre Caf.",
  succes: "Le code est correct.",
} as const;

/**
 * The screen's sentence after sending a code (SPEC §3). `cibleAffichee` is the target as it should be shown,
 * e.g. "06 39 98 10 01" or a masked address.
 */
export function codeSentMessage(canal: CanalCode, cibleAffichee: string): string {
  const where =
    canal === "SMS" ? `par SMS au numéro suivant ${cibleAffichee}` : `par courriel à l'adresse suivante ${cibleAffichee}`;
  // How long it stays valid is said once, by the screen's validity sentence (codeValiditySentence), kept up to date.
  return `Nous venons de vous envoyer un code de vérification ${where}. Merci de le saisir.`;
}

/** "14 h 32", Paris time. */
function clockTime(at: Date): string {
  const parts = new Intl.DateTimeFormat("fr-FR", { hour: "2-digit", minute: "2-digit", timeZone: "Europe/Paris" }).formatToParts(at);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return `${get("hour")} h ${get("minute")}`;
}

/**
 * The one validity sentence of a code screen: what is left, and the time it ends ("Ce code est valable encore
 * 9 minutes (jusqu'à 14 h 32)."), so that it stays true when the page has been open for a while.
 */
export function codeValiditySentence(expireLe: Date, now: Date = new Date()): string {
  const validity = remainingValidity(expireLe, now);
  if (validity.expired || validity.totalSeconds < 1) return validity.message;
  return `${validity.message.slice(0, -1)} (jusqu'à ${clockTime(expireLe)}).`;
}

/**
 * The answer to "Recevoir un nouveau code": besides its message, the new code's validity sentence and how many new
 * codes remain, which replace the screen's (the old code's) at once.
 */
export type NewCodeAnswer<Field extends string = "code"> = ActionResult<Field> & { validite?: string; nouveauxCodesRestants?: number };

export function newCodeDetails(sent: { expireLe: Date; nouveauxCodesRestants: number }, now: Date = new Date()): { validite: string; nouveauxCodesRestants: number } {
  return { validite: codeValiditySentence(sent.expireLe, now), nouveauxCodesRestants: sent.nouveauxCodesRestants };
}

export type RemainingValidity = {
  expired: boolean;
  /** Whole seconds left (0 once expired). */
  totalSeconds: number;
  /** totalSeconds split for display: minutes and the seconds beyond them. */
  minutes: number;
  seconds: number;
  /** "Ce code est valable encore 9 minutes." — whole minutes, rounded down so it never over-promises. */
  message: string;
};

export function remainingValidity(expireLe: Date, now: Date = new Date()): RemainingValidity {
  const totalSeconds = Math.max(0, Math.floor((expireLe.getTime() - now.getTime()) / 1000));
  const minutes = Math.floor(totalSeconds / 60);
  const seconds = totalSeconds % 60;
  const expired = expireLe.getTime() <= now.getTime();
  let message: string;
  if (expired) message = "Ce code a expiré : demandez un nouveau code.";
  else if (minutes >= 1) message = `Ce code est valable encore ${plural(minutes, "minute")}.`;
  else if (totalSeconds >= 1) message = `Ce code est valable encore ${plural(seconds, "seconde")}.`;
  else message = "Ce code expire dans un instant : demandez un nouveau code s'il est refusé.";
  return { expired, totalSeconds, minutes, seconds, message };
}
