// Who the outbox is writing to: the decrypted recipients of the queued messages, for the tests of notices.
import { decryptField, type FieldKeys } from "../../lib/crypto/field-encryption";
import type { Database } from "../../lib/db/open-prisma";

export type QueuedNotice = { id: string; canal: "EMAIL" | "SMS"; destinataire: string; sujet: string | null; texte: string | null };

export async function queuedNotices(db: Database, keys: FieldKeys, since = new Date(0)): Promise<QueuedNotice[]> {
  const rows = await db.messageSortant.findMany({ where: { creeLe: { gte: since } }, orderBy: { creeLe: "asc" } });
  return rows.map((row) => ({
    id: row.id,
    canal: row.canal,
    destinataire: decryptField(row.destinataireChiffre, keys),
    sujet: row.sujet,
    texte: row.texteChiffre ? decryptField(row.texteChiffre, keys) : null,
  }));
}

/** The person's confirmed contact details, decrypted (what a notice to them must be sent to). */
export async function confirmedContactsOf(db: Database, keys: FieldKeys, personneId: string): Promise<string[]> {
  const rows = await db.coordonnee.findMany({ where: { personneId, verifiee: true } });
  return rows.map((row) => decryptField(row.valeurChiffree, keys)).sort();
}
