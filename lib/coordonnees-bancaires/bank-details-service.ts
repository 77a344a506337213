// "Mes coordonnées bancaires": the sensitive démarche (docs/regles/coordonnees-bancaires.md).
//
// 1. The form is checked (./validation.ts); the new details are kept server-side as a pending change — IBAN
//    encrypted, bound to the person acting and to the dossier — and a code goes to one of that person's confirmed
//    contact details. Nothing about the new IBAN travels in the page, a URL or a cookie.
// 2. The right code, within its validity, applies the change in ONE transaction: the code and the pending change are
//    each used by one conditional UPDATE, the current details are ended and the new ones added (history kept), the
//    démarche is journaled (without the IBAN), and notices are queued to every confirmed contact of the allocataire
//    (and of the person acting, when it is someone else). They are delivered after the commit.
//
// Every function takes the AccessGrant of lib/access and checks FAIRE_DEMARCHES first.
import "server-only";
import { ACCESS_BASIS_LABELS, assertCan, journalDemarche, type AccessGrant } from "../access";
import { clockNow } from "../clock";
import { decryptField, encryptField, type FieldKeys } from "../crypto/field-encryption";
import type { Prisma } from "../db/generated/client";
import type { Database } from "../db/open-prisma";
import { displayName } from "../delegation/delegation-service";
import { maskEmail } from "../identity/email";
import { maskMobile } from "../identity/mobile";
import { deliverNotices, queueNoticeToConfirmedContacts } from "../messaging/notify-confirmed-contacts";
import { bankDetailsChanged, bankDetailsChangedByYou } from "../messaging/templates-coordonnees-bancaires";
import type { Transports } from "../messaging/transports";
import type { CanalCode } from "../verification/code-messages";
import { CODE_PURPOSES, sendVerificationCode } from "../verification/send-verification-code";
import { latestCodeStatus, verifyCode, type VerifyFailureReason } from "../verification/verification-engine";
import { countryName, validateBankDetails, type BankField } from "./validation";

export const BANK_DETAILS_JOURNAL_TYPE = "COORDONNEES_BANCAIRES_MODIFIEES";
const OBJET = CODE_PURPOSES.MODIFICATION_COORDONNEES_BANCAIRES.objet;
/** How long after a change its form, submitted again, is answered "done" (the longest code validity). */
const JUST_APPLIED_MS = 15 * 60_000;
const justApplied = (utiliseLe: Date | null, now: Date) => !!utiliseLe && now.getTime() - utiliseLe.getTime() < JUST_APPLIED_MS;

export const BANK_FLOW_MESSAGES = {
  aucuneCoordonnee:
    "Pour modifier des coordonnées bancaires, il faut d'abord confirmer une adresse électronique ou un numéro de mobile dans vos coordonnées : le code de sécurité y est envoyé.",
  aucunChangement: "Aucune modification des coordonnées bancaires n'attend de code : saisissez d'abord les nouvelles coordonnées.",
  changementExpire: "Le délai pour saisir le code est dépassé : les nouvelles coordonnées n'ont pas été enregistrées. Saisissez-les de nouveau.",
  coordonneeModifiee:
    "L'adresse ou le numéro auquel le code a été envoyé n'est plus confirmé dans vos coordonnées : saisissez de nouveau les coordonnées bancaires pour recevoir un nouveau code.",
} as const;

export type CurrentBankDetails = { pays: string; paysNom: string; ibanFin: string; bic: string; titulaire: string; enregistreesLe: Date };

/** The dossier's current bank details, as they may be shown: never the IBAN itself. */
export async function currentBankDetails(db: Pick<Database, "coordonneesBancaires">, grant: AccessGrant): Promise<CurrentBankDetails | null> {
  assertCan(grant, "FAIRE_DEMARCHES");
  const row = await db.coordonneesBancaires.findFirst({
    where: { foyerId: grant.dossier.id, remplaceesLe: null },
    select: { pays: true, ibanFin: true, bic: true, titulaire: true, enregistreesLe: true },
  });
  return row ? { ...row, paysNom: countryName(row.pays) } : null;
}

export type CodeRecipient = { canal: CanalCode; destination: string };

/** The confirmed contact details of the person acting, masked: where the code can go (e-mail first). */
export async function codeRecipients(db: Pick<Database, "coordonnee">, keys: FieldKeys, grant: AccessGrant): Promise<CodeRecipient[]> {
  assertCan(grant, "FAIRE_DEMARCHES");
  return (await confirmedContacts(db, keys, grant.acteurId)).map(({ canal, value }) => ({ canal, destination: mask(canal, value) }));
}

async function confirmedContacts(db: Pick<Database, "coordonnee">, keys: FieldKeys, personneId: string): Promise<{ canal: CanalCode; value: string }[]> {
  const rows = await db.coordonnee.findMany({ where: { personneId, verifiee: true }, select: { type: true, valeurChiffree: true }, orderBy: { type: "asc" } });
  return rows.map((row) => ({ canal: row.type === "MOBILE" ? ("SMS" as const) : ("EMAIL" as const), value: decryptField(row.valeurChiffree, keys) }));
}

const mask = (canal: CanalCode, value: string) => (canal === "SMS" ? maskMobile(value) : maskEmail(value));

export type RequestOutcome =
  | { ok: true; canal: CanalCode; destination: string; expireLe: Date; statut: string; raison?: string }
  | { ok: false; reason: "SAISIE_INVALIDE"; fieldErrors: Partial<Record<BankField, string>> }
  | { ok: false; reason: "AUCUNE_COORDONNEE_CONFIRMEE" | "TROP_DE_NOUVEAUX_CODES" | "LIMITE_PERSONNE" | "LIMITE_ADRESSE"; message: string };

/**
 * Step 1: checks the new details, keeps them as the person's one pending change (any earlier one is cancelled) and
 * sends the code. A refusal changes nothing.
 */
export async function requestBankDetailsChange(
  db: Database,
  keys: FieldKeys,
  transports: Transports | null,
  grant: AccessGrant,
  input: { iban: unknown; bic: unknown; titulaire: unknown; canal?: unknown; ip: string; now?: Date },
): Promise<RequestOutcome> {
  assertCan(grant, "FAIRE_DEMARCHES");
  const now = input.now ?? clockNow();
  const checked = validateBankDetails(input);
  if (!checked.ok) return { ok: false, reason: "SAISIE_INVALIDE", fieldErrors: checked.fieldErrors };
  const contacts = await confirmedContacts(db, keys, grant.acteurId);
  const contact = contacts.find((c) => c.canal === input.canal) ?? contacts[0];
  if (!contact) return { ok: false, reason: "AUCUNE_COORDONNEE_CONFIRMEE", message: BANK_FLOW_MESSAGES.aucuneCoordonnee };

  const sent = await sendVerificationCode(db, keys, null, {
    purpose: "MODIFICATION_COORDONNEES_BANCAIRES",
    personneId: grant.acteurId,
    canal: contact.canal,
    cible: contact.value,
    livraison: "apres-reponse",
    ip: input.ip,
    now,
  });
  if (!sent.ok) return { ok: false, reason: sent.reason, message: sent.message };

  const details = checked.value;
  await db.$transaction(async (tx) => {
    // One pending change per person: parallel submissions are taken one after the other.
    await tx.$queryRaw`SELECT 1 AS verrou FROM pg_advisory_xact_lock(hashtextextended(${`changement-bancaire:${grant.acteurId}`}, 0))`;
    await tx.changementCoordonneesBancaires.updateMany({ where: { acteurId: grant.acteurId, utiliseLe: null, annuleLe: null }, data: { annuleLe: now } });
    await tx.changementCoordonneesBancaires.create({
      data: {
        foyerId: grant.dossier.id,
        acteurId: grant.acteurId,
        ibanChiffre: encryptField(details.iban, keys),
        ibanFin: details.ibanFin,
        pays: details.pays,
        bic: details.bic,
        titulaire: details.titulaire,
        canal: contact.canal,
        creeLe: now,
        expireLe: sent.expireLe,
      },
      select: { id: true },
    });
  });
  let statut: string = sent.statut;
  let raison: string | undefined;
  if (sent.messageId && transports) {
    await deliverNotices(db, keys, transports, [sent.messageId]);
    const message = await db.messageSortant.findUnique({ where: { id: sent.messageId }, select: { statut: true } });
    statut = message?.statut ?? statut;
    if (statut !== "ENVOYE") raison = "Le code n'a pas pu être envoyé pour l'instant : il vous parviendra dès que possible.";
  }
  return { ok: true, canal: contact.canal, destination: sent.destination, expireLe: sent.expireLe, statut, raison };
}

export type PendingChange =
  | { etat: "EN_ATTENTE"; canal: CanalCode; destination: string; expireLe: Date; nouveauxCodesRestants: number; pays: string; paysNom: string; ibanFin: string; bic: string; titulaire: string }
  | { etat: "APPLIQUE" }
  | null;

/** For the code page: the person's latest change on this dossier, if it still waits for its code (or was just applied). */
export async function pendingBankDetailsChange(db: Database, keys: FieldKeys, grant: AccessGrant, now: Date = clockNow()): Promise<PendingChange> {
  assertCan(grant, "FAIRE_DEMARCHES");
  const latest = await latestChange(db, grant);
  if (!latest || latest.annuleLe) return null;
  if (latest.utiliseLe) return justApplied(latest.utiliseLe, now) ? { etat: "APPLIQUE" } : null;
  if (latest.expireLe <= now) return null;
  const contact = (await confirmedContacts(db, keys, grant.acteurId)).find((c) => c.canal === latest.canal);
  if (!contact) return null;
  const status = await latestCodeStatus(db, { personneId: grant.acteurId, objet: OBJET, canal: latest.canal, cible: contact.value, now }, keys);
  return {
    etat: "EN_ATTENTE",
    canal: latest.canal,
    destination: mask(latest.canal, contact.value),
    expireLe: status?.expireLe ?? latest.expireLe,
    nouveauxCodesRestants: status?.nouveauxCodesRestants ?? 0,
    pays: latest.pays,
    paysNom: countryName(latest.pays),
    ibanFin: latest.ibanFin,
    bic: latest.bic,
    titulaire: latest.titulaire,
  };
}

async function latestChange(db: Pick<Database, "changementCoordonneesBancaires">, grant: AccessGrant) {
  return db.changementCoordonneesBancaires.findFirst({
    where: { acteurId: grant.acteurId, foyerId: grant.dossier.id },
    orderBy: { creeLe: "desc" },
    select: { id: true, canal: true, expireLe: true, utiliseLe: true, annuleLe: true, pays: true, ibanFin: true, bic: true, titulaire: true, ibanChiffre: true },
  });
}

export type ResendOutcome = { ok: true; destination: string; canal: CanalCode; expireLe: Date; nouveauxCodesRestants: number } | { ok: false; message: string };

/** A new code for the pending change (the engine's limits apply); the change then lives as long as the new code. */
export async function resendBankDetailsCode(
  db: Database,
  keys: FieldKeys,
  transports: Transports | null,
  grant: AccessGrant,
  { ip, now = clockNow() }: { ip: string; now?: Date },
): Promise<ResendOutcome> {
  assertCan(grant, "FAIRE_DEMARCHES");
  const latest = await latestChange(db, grant);
  if (!latest || latest.annuleLe || latest.utiliseLe) return { ok: false, message: BANK_FLOW_MESSAGES.aucunChangement };
  if (latest.expireLe <= now) return { ok: false, message: BANK_FLOW_MESSAGES.changementExpire };
  const contact = (await confirmedContacts(db, keys, grant.acteurId)).find((c) => c.canal === latest.canal);
  if (!contact) return { ok: false, message: BANK_FLOW_MESSAGES.coordonneeModifiee };
  const sent = await sendVerificationCode(db, keys, null, {
    purpose: "MODIFICATION_COORDONNEES_BANCAIRES",
    personneId: grant.acteurId,
    canal: contact.canal,
    cible: contact.value,
    livraison: "apres-reponse",
    ip,
    now,
  });
  if (!sent.ok) return { ok: false, message: sent.message };
  await db.changementCoordonneesBancaires.updateMany({
    where: { id: latest.id, utiliseLe: null, annuleLe: null, expireLe: { gt: now } },
    data: { expireLe: sent.expireLe },
  });
  if (sent.messageId) await deliverNotices(db, keys, transports, [sent.messageId]);
  return { ok: true, destination: sent.destination, canal: contact.canal, expireLe: sent.expireLe, nouveauxCodesRestants: sent.nouveauxCodesRestants };
}

export type ConfirmOutcome =
  | { ok: true; dejaApplique: boolean; notices: string[] }
  | { ok: false; reason: VerifyFailureReason | "AUCUN_CHANGEMENT" | "CHANGEMENT_EXPIRE" | "COORDONNEE_MODIFIEE"; message: string };

class LostRace extends Error {}

/**
 * Step 2: the code. Right and in time, the change is applied once, whatever the number of parallel submissions:
 * a second submission of the same form finds the change applied and reports it as done.
 * Returns the outbox ids of the notices, for the caller to deliver after the commit (deliverNotices).
 */
export async function confirmBankDetailsChange(
  db: Database,
  keys: FieldKeys,
  grant: AccessGrant,
  { code, ip, now = clockNow() }: { code: unknown; ip: string; now?: Date },
): Promise<ConfirmOutcome> {
  assertCan(grant, "FAIRE_DEMARCHES");
  const latest = await latestChange(db, grant);
  if (!latest || latest.annuleLe || (latest.utiliseLe && !justApplied(latest.utiliseLe, now))) {
    return { ok: false, reason: "AUCUN_CHANGEMENT", message: BANK_FLOW_MESSAGES.aucunChangement };
  }
  if (latest.utiliseLe) return { ok: true, dejaApplique: true, notices: [] };
  if (latest.expireLe <= now) return { ok: false, reason: "CHANGEMENT_EXPIRE", message: BANK_FLOW_MESSAGES.changementExpire };
  const contact = (await confirmedContacts(db, keys, grant.acteurId)).find((c) => c.canal === latest.canal);
  if (!contact) return { ok: false, reason: "COORDONNEE_MODIFIEE", message: BANK_FLOW_MESSAGES.coordonneeModifiee };

  let outcome: ConfirmOutcome;
  try {
    outcome = await db.$transaction(async (tx): Promise<ConfirmOutcome> => {
      const verified = await verifyCode(tx, { personneId: grant.acteurId, objet: OBJET, canal: latest.canal, cible: contact.value, code: typeof code === "string" ? code : "", now }, keys);
      // A wrong try is committed (it counts); nothing else happens.
      if (!verified.ok) return verified;
      const { count } = await tx.changementCoordonneesBancaires.updateMany({
        where: { id: latest.id, acteurId: grant.acteurId, foyerId: grant.dossier.id, utiliseLe: null, annuleLe: null, expireLe: { gt: now } },
        data: { utiliseLe: now },
      });
      if (count !== 1) throw new LostRace();
      const notices = await applyChange(tx, keys, grant, latest, { ip, now });
      return { ok: true, dejaApplique: false, notices };
    });
  } catch (error) {
    if (!(error instanceof LostRace)) throw error;
    // Another submission used the change in between (the code use is rolled back with this transaction).
    outcome = { ok: false, reason: "CHANGEMENT_EXPIRE", message: BANK_FLOW_MESSAGES.changementExpire };
  }
  if (!outcome.ok && (outcome.reason === "DEJA_UTILISE" || outcome.reason === "CHANGEMENT_EXPIRE")) {
    // The same form submitted twice (or twenty times): the first one applied the change, the others say it is done.
    const after = await latestChange(db, grant);
    if (after?.id === latest.id && after.utiliseLe) return { ok: true, dejaApplique: true, notices: [] };
  }
  return outcome;
}

type Tx = Prisma.TransactionClient;

async function applyChange(
  tx: Tx,
  keys: FieldKeys,
  grant: AccessGrant,
  change: { ibanChiffre: string; ibanFin: string; pays: string; bic: string; titulaire: string },
  { ip, now }: { ip: string; now: Date },
): Promise<string[]> {
  const foyerId = grant.dossier.id;
  // Two changes of the same dossier at once (the allocataire and the conjoint) are applied one after the other.
  await tx.$queryRaw`SELECT 1 AS verrou FROM pg_advisory_xact_lock(hashtextextended(${`coordonnees-bancaires:${foyerId}`}, 0))`;
  await tx.coordonneesBancaires.updateMany({ where: { foyerId, remplaceesLe: null }, data: { remplaceesLe: now } });
  await tx.coordonneesBancaires.create({
    data: {
      foyerId,
      // Encrypted again: a fresh nonce, nothing shared with the pending row.
      ibanChiffre: encryptField(decryptField(change.ibanChiffre, keys), keys),
      ibanFin: change.ibanFin,
      pays: change.pays,
      bic: change.bic,
      titulaire: change.titulaire,
      enregistreesPar: grant.acteurId,
      enregistreesLe: now,
    },
    select: { id: true },
  });
  await journalDemarche(tx, grant, { type: BANK_DETAILS_JOURNAL_TYPE, ip, survenuLe: now, details: { pays: change.pays } });

  const allocataire = await tx.membre.findFirst({
    where: { foyerId, role: "ALLOCATAIRE", depuisLe: { lte: now }, OR: [{ jusquAuLe: null }, { jusquAuLe: { gt: now } }] },
    select: { personneId: true },
  });
  const acteur = await tx.personne.findUniqueOrThrow({ where: { id: grant.acteurId }, select: { prenoms: true, nomNaissance: true, nomUsage: true } });
  const titre = grant.basis ? ACCESS_BASIS_LABELS[grant.basis] : null;
  const base = { date: now, numeroAllocataire: grant.dossier.numeroAllocataire, ibanFin: change.ibanFin, titre };
  const notices: string[] = [];
  if (allocataire) {
    const parVous = allocataire.personneId === grant.acteurId;
    notices.push(...(await queueNoticeToConfirmedContacts(tx, keys, allocataire.personneId, bankDetailsChanged({ ...base, auteur: displayName(acteur), parVous }))));
  }
  if (allocataire?.personneId !== grant.acteurId) {
    notices.push(...(await queueNoticeToConfirmedContacts(tx, keys, grant.acteurId, bankDetailsChangedByYou(base))));
  }
  return notices;
}

/** After the commit: the notices go now, or later from the outbox. */
export async function deliverBankDetailsNotices(db: Database, keys: FieldKeys, transports: Transports | null, ids: readonly string[]): Promise<void> {
  await deliverNotices(db, keys, transports, ids);
}
