// The code a "protected" account needs before its password is even checked: many wrong passwords from anywhere
// (per-account or per-foyer counter, lib/auth/login-throttle.ts) make guessing from many addresses pointless.
// The code goes to a confirmed contact through the one verification engine and the outbox, like the second
// factor (second-factor.ts). Sending is kept in one function, `sendProtectedLoginCode`.
import type { FieldKeys } from "../crypto/field-encryption";
import { decryptField } from "../crypto/field-encryption";
import type { Prisma } from "../db/generated/client";
import type { Database } from "../db/open-prisma";
import { enqueueMessage, outboxMessage } from "../messaging/enqueue-message";
import { repeatedLoginFailures, verificationCode } from "../messaging/templates";
import { codeValidityMinutes, issueVerificationCode, verifyCode, type CanalCode } from "../verification/verification-engine";

export const PROTECTED_LOGIN_OBJET = "connexion-protegee";

export type ConfirmedContact = { canal: CanalCode; cible: string };

type ContactRow = { type: "EMAIL" | "MOBILE"; valeurChiffree: string };

/** The confirmed contact the code goes to: the e-mail address if confirmed, otherwise the mobile. */
export function protectedLoginContact(contacts: readonly ContactRow[], keys: FieldKeys): ConfirmedContact | null {
  const chosen = contacts.find((c) => c.type === "EMAIL") ?? contacts.find((c) => c.type === "MOBILE");
  return chosen ? { canal: chosen.type === "MOBILE" ? "SMS" : "EMAIL", cible: decryptField(chosen.valeurChiffree, keys) } : null;
}

/** Issues a code and writes its message in one transaction; the outbox delivers it. Returns the outbox id. */
export async function sendProtectedLoginCode(
  db: Database,
  keys: FieldKeys,
  { personneId, contact, now }: { personneId: string; contact: ConfirmedContact; now: Date },
): Promise<{ ok: true; messageId: string } | { ok: false; message: string }> {
  return db.$transaction(async (tx) => {
    const code = await issueVerificationCode(tx, { personneId, objet: PROTECTED_LOGIN_OBJET, ...contact, now }, keys);
    if (!code.ok) return { ok: false as const, message: code.message };
    const content = verificationCode({ code: code.code, validiteMinutes: codeValidityMinutes(contact.canal), usage: "connexion protégée" });
    const message = await enqueueMessage(tx, outboxMessage(contact.canal, contact.cible, content), keys, { now });
    return { ok: true as const, messageId: message.id };
  });
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
