// Telling a person something (a change on their dossier, on their contact details…): one message per confirmed
// contact, written to the outbox in the caller's transaction, delivered after the commit. A person with no confirmed
// contact is told at their next visit by the page itself; nothing here reveals a contact detail to the caller.
import type { FieldKeys } from "../crypto/field-encryption";
import { decryptField } from "../crypto/field-encryption";
import type { Prisma } from "../db/generated/client";
import type { Database } from "../db/open-prisma";
import { deliverMessageNow } from "./deliver-outbox";
import { enqueueMessage, outboxMessage } from "./enqueue-message";
import type { MessageContent } from "./templates";
import type { Transports } from "./transports";

type Tx = Pick<Prisma.TransactionClient, "messageSortant" | "coordonnee">;

/** Queues the message to every confirmed contact of the person (or of `only` these types); returns the outbox ids. */
export async function queueNoticeToConfirmedContacts(
  tx: Tx,
  keys: FieldKeys,
  personneId: string,
  content: MessageContent,
  { now = new Date(), only }: { now?: Date; only?: readonly ("EMAIL" | "MOBILE")[] } = {},
): Promise<string[]> {
  const contacts = await tx.coordonnee.findMany({
    where: { personneId, verifiee: true, ...(only ? { type: { in: [...only] } } : {}) },
    select: { type: true, valeurChiffree: true },
    orderBy: { type: "asc" },
  });
  const ids: string[] = [];
  for (const contact of contacts) {
    const canal = contact.type === "MOBILE" ? "SMS" : "EMAIL";
    ids.push((await enqueueMessage(tx, outboxMessage(canal, decryptField(contact.valeurChiffree, keys), content), keys, { now })).id);
  }
  return ids;
}

/** Queues the message to one given address or number (e.g. the old e-mail address after a change). */
export async function queueNoticeTo(tx: Pick<Prisma.TransactionClient, "messageSortant">, keys: FieldKeys, canal: "EMAIL" | "SMS", destinataire: string, content: MessageContent, now = new Date()): Promise<string> {
  return (await enqueueMessage(tx, outboxMessage(canal, destinataire, content), keys, { now })).id;
}

/** Delivers queued notices now, after the commit; whatever fails stays in the outbox for the worker. */
export async function deliverNotices(db: Database, keys: FieldKeys, transports: Transports | null, ids: readonly string[]): Promise<void> {
  if (!transports) return;
  for (const id of ids) {
    try {
      await deliverMessageNow(db, transports, keys, id);
    } catch {
      // Still in the outbox: the worker sends it.
    }
  }
}
