// Double authentification by e-mail (SPEC §2): a person with a verified e-mail address who signs in from a
// browser the portal does not know receives a 6-digit code (valid 15 minutes) before the session opens.
// Codes go through the one verification engine, and the message through the durable outbox.
import type { FieldKeys } from "../crypto/field-encryption";
import { decryptField } from "../crypto/field-encryption";
import type { Database } from "../db/open-prisma";
import type { Transports } from "../messaging/transports";
import { CODE_PURPOSES, sendVerificationCode, type SendCodeResult } from "../verification/send-verification-code";
import { verifyCode } from "../verification/verification-engine";
import { isKnownBrowser } from "./known-browser";
import type { CanalCode } from "../verification/code-messages";
import { maskMobile } from "../identity/mobile";

export const SECOND_FACTOR_OBJET = CODE_PURPOSES.DOUBLE_AUTHENTIFICATION.objet;

/** The person's verified e-mail address, if any: only such a person gets the second factor. */
export async function verifiedEmailOf(db: Pick<Database, "coordonnee">, keys: FieldKeys, personneId: string): Promise<string | null> {
  const row = await db.coordonnee.findFirst({ where: { personneId, type: "EMAIL", verifiee: true }, select: { valeurChiffree: true } });
  return row ? decryptField(row.valeurChiffree, keys) : null;
}

/**
 * The person's confirmed mobile, if any: "Vous n'avez rien reçu ?" offers it for the sign-in code, a code sent to
 * a confirmed contact proving as much as one sent to the confirmed address.
 */
export async function verifiedMobileOf(db: Pick<Database, "coordonnee">, keys: FieldKeys, personneId: string): Promise<string | null> {
  const row = await db.coordonnee.findFirst({ where: { personneId, type: "MOBILE", verifiee: true }, select: { valeurChiffree: true } });
  return row ? decryptField(row.valeurChiffree, keys) : null;
}

/** The confirmed contact detail of this channel, read again from the database (never taken from the browser). */
export async function secondFactorTarget(db: Pick<Database, "coordonnee">, keys: FieldKeys, personneId: string, canal: CanalCode): Promise<string | null> {
  return canal === "SMS" ? verifiedMobileOf(db, keys, personneId) : verifiedEmailOf(db, keys, personneId);
}

/** "06 ** ** ** 03": how the other channel is offered, masked (the person did not type it here). */
export async function otherSecondFactorChannel(db: Pick<Database, "coordonnee">, keys: FieldKeys, personneId: string, canal: CanalCode): Promise<{ canal: CanalCode; destination: string } | null> {
  if (canal === "SMS") return null; // from the SMS, the e-mail is offered by going back: one switch is enough
  const mobile = await verifiedMobileOf(db, keys, personneId);
  return mobile ? { canal: "SMS", destination: maskMobile(mobile) } : null;
}

/** Issues a code and writes its e-mail in one transaction, then tries to deliver it at once. */
export function sendSecondFactorCode(
  db: Database,
  keys: FieldKeys,
  transports: Transports,
  { personneId, email, canal = "EMAIL", ip, now }: { personneId: string; /** The confirmed address, or mobile with canal SMS. */ email: string; canal?: CanalCode; ip: string; now?: Date },
): Promise<SendCodeResult> {
  return sendVerificationCode(db, keys, transports, { purpose: "DOUBLE_AUTHENTIFICATION", personneId, canal, cible: email, ip, now });
}

export function checkSecondFactorCode(
  db: Database,
  keys: FieldKeys,
  { personneId, email, canal = "EMAIL", code, now }: { personneId: string; email: string; canal?: CanalCode; code: string; now?: Date },
) {
  return verifyCode(db, { personneId, objet: SECOND_FACTOR_OBJET, canal, cible: email, code, now }, keys);
}

export type SecondFactorStep =
  /** The session may open now. */
  | { required: false }
  /** The e-mail code is asked first: it was issued (and, when possible, sent), or refused with a message. */
  | { required: true; sent: SendCodeResult };

/**
 * After a right password: whether the session opens at once or the e-mail code comes first. The code is asked after
 * a personal password (not the dossier password of a first connection), when no code was already proven on the way
 * (an account protected after many failures), from a person with a verified e-mail address, on a browser the portal
 * does not know. When it is, the code is issued and sent here.
 */
export async function beginSecondFactorIfNeeded(
  db: Database,
  keys: FieldKeys,
  transports: Transports,
  { personneId, kind, codeProven, browserToken, ip, now }: {
    personneId: string;
    kind: "mot-de-passe" | "bascule";
    codeProven: boolean;
    browserToken: string | undefined;
    ip: string;
    /** Defaults to the present for the browser, and to the codes clock for the code. */
    now?: Date;
  },
): Promise<SecondFactorStep> {
  if (kind !== "mot-de-passe" || codeProven) return { required: false };
  const email = await verifiedEmailOf(db, keys, personneId);
  if (!email || (await isKnownBrowser(db, personneId, browserToken, now ?? new Date()))) return { required: false };
  return { required: true, sent: await sendSecondFactorCode(db, keys, transports, { personneId, email, ip, now }) };
}
