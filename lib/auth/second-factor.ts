// Double authentification by e-mail (SPEC §2): a person with a verified e-mail address who signs in from a
// browser the portal does not know receives a 6-digit code (valid 15 minutes) before the session opens.
// Codes go through the one verification engine, and the message through the durable outbox.
import type { FieldKeys } from "../crypto/field-encryption";
import { decryptField } from "../crypto/field-encryption";
import type { Database } from "../db/open-prisma";
import { maskEmail } from "../identity/email";
import { deliverMessageNow } from "../messaging/deliver-outbox";
import { enqueueMessage, outboxMessage } from "../messaging/enqueue-message";
import { verificationCode } from "../messaging/templates";
import type { Transports } from "../messaging/transports";
import { EMAIL_CODE_VALIDITY_MINUTES } from "../verification/code-messages";
import { issueVerificationCode, verifyCode } from "../verification/verification-engine";

export const SECOND_FACTOR_OBJET = "double-authentification";

/** The person's verified e-mail address, if any: only such a person gets the second factor. */
export async function verifiedEmailOf(db: Pick<Database, "coordonnee">, keys: FieldKeys, personneId: string): Promise<string | null> {
  const row = await db.coordonnee.findFirst({ where: { personneId, type: "EMAIL", verifiee: true }, select: { valeurChiffree: true } });
  return row ? decryptField(row.valeurChiffree, keys) : null;
}

export type SendOutcome =
  | { ok: true; destination: string; expireLe: Date; nouveauxCodesRestants: number; envoye: boolean; raison?: string }
  | { ok: false; message: string };

/** Issues a code and writes its e-mail in one transaction, then tries to deliver it at once. */
export async function sendSecondFactorCode(
  db: Database,
  keys: FieldKeys,
  transports: Transports,
  { personneId, email, now = new Date() }: { personneId: string; email: string; now?: Date },
): Promise<SendOutcome> {
  const issued = await db.$transaction(async (tx) => {
    const code = await issueVerificationCode(tx, { personneId, objet: SECOND_FACTOR_OBJET, canal: "EMAIL", cible: email, now }, keys);
    if (!code.ok) return code;
    const message = await enqueueMessage(
      tx,
      outboxMessage("EMAIL", email, verificationCode({ code: code.code, validiteMinutes: EMAIL_CODE_VALIDITY_MINUTES, usage: "double authentification" })),
      keys,
    );
    return { ...code, messageId: message.id };
  });
  if (!issued.ok) return { ok: false, message: issued.message };
  const delivery = await deliverMessageNow(db, transports, keys, issued.messageId);
  return {
    ok: true,
    destination: maskEmail(email),
    expireLe: issued.expireLe,
    nouveauxCodesRestants: issued.nouveauxCodesRestants,
    envoye: delivery.statut === "ENVOYE",
    ...(delivery.statut === "ENVOYE" ? {} : { raison: delivery.raison }),
  };
}

export function checkSecondFactorCode(db: Database, keys: FieldKeys, { personneId, email, code, now }: { personneId: string; email: string; code: string; now?: Date }) {
  return verifyCode(db, { personneId, objet: SECOND_FACTOR_OBJET, canal: "EMAIL", cible: email, code, now }, keys);
}
