// The code a "protected" account needs before its password is even checked: many wrong passwords from anywhere
// (per-account or per-foyer counter, lib/auth/login-throttle.ts) make guessing from many addresses pointless.
// The code goes to a confirmed contact through the portal's one code pipeline (send-verification-code.ts), like
// the second factor.
import type { FieldKeys } from "../crypto/field-encryption";
import { decryptField } from "../crypto/field-encryption";
import type { Prisma } from "../db/generated/client";
import type { Database } from "../db/open-prisma";
import { enqueueMessage, outboxMessage } from "../messaging/enqueue-message";
import { repeatedLoginFailures } from "../messaging/templates";
import { CODE_PURPOSES, sendVerificationCode } from "../verification/send-verification-code";
import { verifyCode, type CanalCode } from "../verification/verification-engine";

export const PROTECTED_LOGIN_OBJET = CODE_PURPOSES.CONNEXION_PROTEGEE.objet;

export type ConfirmedContact = { canal: CanalCode; cible: string };

type ContactRow = { type: "EMAIL" | "MOBILE"; valeurChiffree: string };

/** The confirmed contact the code goes to: the e-mail address if confirmed, otherwise the mobile. */
export function protectedLoginContact(contacts: readonly ContactRow[], keys: FieldKeys): ConfirmedContact | null {
  const chosen = contacts.find((c) => c.type === "EMAIL") ?? contacts.find((c) => c.type === "MOBILE");
  return chosen ? { canal: chosen.type === "MOBILE" ? "SMS" : "EMAIL", cible: decryptField(chosen.valeurChiffree, keys) } : null;
}

/**
 * Issues a code and queues its message through the portal's one code pipeline (its caps included); the caller
 * delivers it after answering. Returns the outbox id.
 */
export async function sendProtectedLoginCode(
  db: Database,
  keys: FieldKeys,
  { personneId, contact, ip, now }: { personneId: string; contact: ConfirmedContact; ip: string; now: Date },
): Promise<{ ok: true; messageId: string } | { ok: false; message: string }> {
  const sent = await sendVerificationCode(db, keys, null, { purpose: "CONNEXION_PROTEGEE", personneId, ...contact, ip, now, livraison: "apres-reponse" });
  if (!sent.ok) return { ok: false, message: sent.message };
  return { ok: true, messageId: sent.messageId! };
}

export function checkProtectedLoginCode(db: Database, keys: FieldKeys, { personneId, contact, code, now }: { personneId: string; contact: ConfirmedContact; code: string; now: Date }) {
  return verifyCode(db, { personneId, objet: PROTECTED_LOGIN_OBJET, ...contact, code, now }, keys);
}

/** "Plusieurs tentatives de connexion à votre compte", once, to every confirmed contact. */
export async function queueRepeatedFailuresNotice(tx: Pick<Prisma.TransactionClient, "messageSortant">, contacts: readonly ContactRow[], keys: FieldKeys, now: Date) {
  const notice = repeatedLoginFailures({ date: now });
  for (const contact of contacts) {
    await enqueueMessage(tx, outboxMessage(contact.type === "MOBILE" ? "SMS" : "EMAIL", decryptField(contact.valeurChiffree, keys), notice), keys, { now });
  }
}
