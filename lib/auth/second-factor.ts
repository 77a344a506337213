// Double authentification by e-mail (SPEC §2): a person with a verified e-mail address who signs in from a
// browser the portal does not know receives a 6-digit code (valid 15 minutes) before the session opens.
// Codes go through the one verification engine, and the message through the durable outbox.
import type { FieldKeys } from "../crypto/field-encryption";
import { decryptField } from "../crypto/field-encryption";
import type { Database } from "../db/open-prisma";
import type { Transports } from "../messaging/transports";
import { CODE_PURPOSES, sendVerificationCode, type SendCodeResult } from "../verification/send-verification-code";
import { verifyCode } from "../verification/verification-engine";

export const SECOND_FACTOR_OBJET = CODE_PURPOSES.DOUBLE_AUTHENTIFICATION.objet;

/** The person's verified e-mail address, if any: only such a person gets the second factor. */
export async function verifiedEmailOf(db: Pick<Database, "coordonnee">, keys: FieldKeys, personneId: string): Promise<string | null> {
  const row = await db.coordonnee.findFirst({ where: { personneId, type: "EMAIL", verifiee: true }, select: { valeurChiffree: true } });
  return row ? decryptField(row.valeurChiffree, keys) : null;
}

/** Issues a code and writes its e-mail in one transaction, then tries to deliver it at once. */
export function sendSecondFactorCode(
  db: Database,
  keys: FieldKeys,
  transports: Transports,
  { personneId, email, ip, now }: { personneId: string; email: string; ip: string; now?: Date },
): Promise<SendCodeResult> {
  return sendVerificationCode(db, keys, transports, { purpose: "DOUBLE_AUTHENTIFICATION", personneId, canal: "EMAIL", cible: email, ip, now });
}

export function checkSecondFactorCode(db: Database, keys: FieldKeys, { personneId, email, code, now }: { personneId: string; email: string; code: string; now?: Date }) {
  return verifyCode(db, { personneId, objet: SECOND_FACTOR_OBJET, canal: "EMAIL", cible: email, code, now }, keys);
}
