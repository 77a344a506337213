// What every password replacement does, from the account or through recovery: the new hash ends every open
// session and lifts a change the Caf required; then "Votre mot de passe a été modifié" goes to each verified
// contact, written to the outbox in the change's own transaction and delivered after the commit (whatever cannot
// be delivered at once stays in the outbox for the worker).
import type { FieldKeys } from "../crypto/field-encryption";
import { decryptField } from "../crypto/field-encryption";
import type { Prisma } from "../db/generated/client";
import type { Database } from "../db/open-prisma";
import { deliverMessageNow } from "../messaging/deliver-outbox";
import { enqueueMessage, outboxMessage } from "../messaging/enqueue-message";
import { passwordChanged } from "../messaging/templates";
import type { Transports } from "../messaging/transports";

/** The account fields a new password sets (the caller adds its own conditions to the update). */
export function replacedPasswordData(hash: string, etat: string, now: Date) {
  return {
    motDePasseHash: hash,
    motDePasseModifieLe: now,
    versionSession: { increment: 1 },
    ...(etat === "CHANGEMENT_MOT_DE_PASSE_REQUIS" ? { etat: "ACTIF" as const } : {}),
  };
}

type VerifiedContact = { type: "EMAIL" | "MOBILE"; valeurChiffree: string };

/** Queues one notice per verified contact inside the caller's transaction; returns the outbox ids. */
export async function queuePasswordChangedNotices(
  tx: Pick<Prisma.TransactionClient, "messageSortant">,
  contacts: readonly VerifiedContact[],
  keys: FieldKeys,
  now: Date,
): Promise<string[]> {
  const notice = passwordChanged({ date: now });
  const ids: string[] = [];
  for (const contact of contacts) {
    const canal = contact.type === "MOBILE" ? "SMS" : "EMAIL";
    ids.push((await enqueueMessage(tx, outboxMessage(canal, decryptField(contact.valeurChiffree, keys), notice), keys, { now })).id);
  }
  return ids;
}

/** Delivers the queued notices now; a failure leaves them to the outbox worker. */
export async function deliverPasswordChangedNotices(db: Database, keys: FieldKeys, transports: Transports, ids: readonly string[]): Promise<void> {
  for (const id of ids) {
    try {
      await deliverMessageNow(db, transports, keys, id);
    } catch {
      // Still in the outbox: the worker sends it.
    }
  }
}
