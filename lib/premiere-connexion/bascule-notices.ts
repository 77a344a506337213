// La bascule opens an account with the foyer's dossier password, which every adult of the foyer may know (SPEC §3).
// So whoever really owns the account hears of it, on contact details that whoever did the bascule cannot have
// chosen: the ones the dossier held before the wizard changed anything, and, for a person under a validated
// protection measure, the tuteur's or curateur's own confirmed ones. Queued in the caller's transaction.
import type { Prisma, TypeCoordonnee } from "../db/generated/client";
import { decryptField, encryptField, type FieldKeys } from "../crypto/field-encryption";
import { displayName } from "../delegation/delegation-service";
import { enqueueMessage, outboxMessage } from "../messaging/enqueue-message";
import type { MessageContent } from "../messaging/templates";

type Tx = Prisma.TransactionClient;
export type DossierContacts = Partial<Record<TypeCoordonnee, string>>;

export function sealDossierContacts(contacts: DossierContacts, keys: FieldKeys): string {
  return encryptField(JSON.stringify(contacts), keys);
}

export function openDossierContacts(sealed: string, keys: FieldKeys): DossierContacts {
  const parsed = JSON.parse(decryptField(sealed, keys)) as Record<string, unknown>;
  const contacts: DossierContacts = {};
  for (const type of ["EMAIL", "MOBILE"] as const) if (typeof parsed[type] === "string") contacts[type] = parsed[type];
  return contacts;
}

/** The contact details the dossier held before the wizard: kept aside at its first change, otherwise the current ones. */
export async function dossierContacts(tx: Tx, keys: FieldKeys, personneId: string): Promise<DossierContacts> {
  const compte = await tx.compte.findUnique({ where: { personneId }, select: { coordonneesDossierChiffrees: true } });
  if (compte?.coordonneesDossierChiffrees) return openDossierContacts(compte.coordonneesDossierChiffrees, keys);
  const rows = await tx.coordonnee.findMany({ where: { personneId }, select: { type: true, valeurChiffree: true } });
  return Object.fromEntries(rows.map((row) => [row.type, decryptField(row.valeurChiffree, keys)]));
}

/**
 * Queues `content` to the person's dossier contact details, and `forProtector(protégé's name)` to the confirmed
 * contact details of each tuteur or curateur of a validated measure in force. Returns the number of messages.
 */
export async function queueBasculeNotices(
  tx: Tx,
  keys: FieldKeys,
  { personneId, now, content, forProtector }: { personneId: string; now: Date; content: MessageContent; forProtector: (protege: string) => MessageContent },
): Promise<number> {
  let queued = 0;
  for (const [type, value] of Object.entries(await dossierContacts(tx, keys, personneId))) {
    await enqueueMessage(tx, outboxMessage(type === "MOBILE" ? "SMS" : "EMAIL", value, content), keys, { now });
    queued++;
  }
  const today = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  const measures = await tx.mesureProtection.findMany({
    where: { protegeId: personneId, statut: "VALIDEE", debutLe: { lte: today }, OR: [{ finLe: null }, { finLe: { gte: today } }] },
    select: {
      protege: { select: { nomNaissance: true, nomUsage: true, prenoms: true } },
      protecteur: { select: { coordonnees: { where: { verifiee: true }, select: { type: true, valeurChiffree: true } } } },
    },
  });
  for (const measure of measures) {
    const message = forProtector(displayName(measure.protege));
    for (const contact of measure.protecteur.coordonnees) {
      await enqueueMessage(tx, outboxMessage(contact.type === "MOBILE" ? "SMS" : "EMAIL", decryptField(contact.valeurChiffree, keys), message), keys, { now });
      queued++;
    }
  }
  return queued;
}
