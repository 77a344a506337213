// The délégation de gestion (docs/regles/delegation-et-separation.md): only the allocataire of a foyer in a couple
// grants it, to the conjoint the dossier names, and may withdraw it at any time. Who may do so is the access
// module's answer (capability GERER_DELEGATION, lib/access): this file never decides it. Every change is one
// transaction with its journal entry and the notice to the conjoint; withdrawing ends the conjoint's open sessions
// at once (their rights shrink).
import { accessibleDossiers, assertCan, can, journalDemarche, type AccessGrant } from "../access";
import { journal } from "../audit/journal";
import type { FieldKeys } from "../crypto/field-encryption";
import { isUniqueViolation } from "../db/errors";
import type { Prisma } from "../db/generated/client";
import type { Database } from "../db/open-prisma";
import { queueNoticeToConfirmedContacts } from "../messaging/notify-confirmed-contacts";
import { delegationEnded, delegationReceived } from "../messaging/templates-delegation";

import { displayName } from "../identity/person-name";

export { displayName };

export type DelegationContext = {
  foyerId: string;
  numeroAllocataire: string;
  delegant: { personneId: string; nomAffiche: string };
  /** sexe: the words about the conjoint agree with it ("il" or "elle"). */
  conjoint: { personneId: string; nomAffiche: string; sexe: "M" | "F" };
  /** The délégation in force, if any. */
  active: { id: string; accordeeLe: Date } | null;
};

const current = (now: Date) => ({ depuisLe: { lte: now }, OR: [{ jusquAuLe: null }, { jusquAuLe: { gt: now } }] });
const NAMES = { id: true, prenoms: true, nomNaissance: true, nomUsage: true, sexe: true } as const;

/** The foyer, its conjoint and the délégation in force, for a grant that may manage the délégation. */
export async function delegationContextFor(db: Pick<Database, "foyer">, grant: AccessGrant): Promise<DelegationContext> {
  assertCan(grant, "GERER_DELEGATION");
  const now = grant.decidedAt;
  const foyer = await db.foyer.findUniqueOrThrow({
    where: { id: grant.dossier.id },
    select: {
      membres: {
        where: { ...current(now), role: { in: ["ALLOCATAIRE", "CONJOINT", "CONJOINT_ALLOCATAIRE"] } },
        select: { role: true, personne: { select: NAMES } },
      },
      delegations: { where: { retireeLe: null }, select: { id: true, accordeeLe: true }, take: 1 },
    },
  });
  // GERER_DELEGATION implies a foyer in a couple with its allocataire and a conjoint (capabilitiesOf).
  const delegant = foyer.membres.find((m) => m.role === "ALLOCATAIRE")!.personne;
  const conjoint = foyer.membres.find((m) => m.role !== "ALLOCATAIRE")!.personne;
  return {
    foyerId: grant.dossier.id,
    numeroAllocataire: grant.dossier.numeroAllocataire,
    delegant: { personneId: delegant.id, nomAffiche: displayName(delegant) },
    conjoint: { personneId: conjoint.id, nomAffiche: displayName(conjoint), sexe: conjoint.sexe },
    active: foyer.delegations[0] ?? null,
  };
}

/** The person's dossier on which they may manage the délégation (the access module's answer), if any. */
export async function delegationGrantOf(db: Pick<Database, "foyer" | "mesureProtection" | "membre">, personneId: string, now: Date = new Date()): Promise<AccessGrant | null> {
  return (await accessibleDossiers(db, personneId, now)).find((grant) => can(grant, "GERER_DELEGATION")) ?? null;
}

/** For the first-connection wizard: the délégation context of the person's dossier, or null if they may not manage it. */
export async function delegationContext(db: Pick<Database, "foyer" | "mesureProtection" | "membre">, personneId: string, now: Date = new Date()): Promise<DelegationContext | null> {
  const grant = await delegationGrantOf(db, personneId, now);
  return grant ? delegationContextFor(db, grant) : null;
}

type Change = { ip: string; now?: Date };

export type DelegationChange =
  | { ok: true; context: DelegationContext; avis: string[] }
  | { ok: false; reason: "DEJA_ACCORDEE" | "AUCUNE_DELEGATION"; message: string };

/**
 * Grants the délégation to the conjoint inside the caller's transaction (the space and the wizard), journals it and
 * queues the notice to the conjoint's confirmed contact details. Returns the queued notices' ids.
 */
export async function grantDelegationIn(
  tx: Prisma.TransactionClient,
  keys: FieldKeys,
  context: Pick<DelegationContext, "foyerId" | "numeroAllocataire" | "delegant" | "conjoint">,
  { ip, now = new Date() }: Change,
  source: "mon-compte" | "premiere-connexion",
): Promise<string[]> {
  await tx.delegation.create({ data: { foyerId: context.foyerId, delegantId: context.delegant.personneId, delegataireId: context.conjoint.personneId, accordeeLe: now } });
  await journal(tx, {
    type: "DELEGATION_ACCORDEE",
    acteur: context.delegant.personneId,
    sujetId: context.conjoint.personneId,
    foyerId: context.foyerId,
    ip,
    survenuLe: now,
    details: { depuis: source, titre: "titulaire", numeroAllocataire: context.numeroAllocataire },
  });
  return queueNoticeToConfirmedContacts(tx, keys, context.conjoint.personneId, delegationReceived({ date: now, delegant: context.delegant.nomAffiche }), { now });
}

export async function grantDelegation(db: Database, keys: FieldKeys, grant: AccessGrant, change: Change): Promise<DelegationChange> {
  const context = await delegationContextFor(db, grant);
  const already = { ok: false as const, reason: "DEJA_ACCORDEE" as const, message: `La gestion du dossier est déjà déléguée à ${context.conjoint.nomAffiche}.` };
  if (context.active) return already;
  let avis: string[];
  try {
    avis = await db.$transaction((tx) => grantDelegationIn(tx, keys, context, change, "mon-compte"));
  } catch (error) {
    // Granted meanwhile from another tab (one active délégation per foyer).
    if (isUniqueViolation(error)) return already;
    throw error;
  }
  return { ok: true, context: await delegationContextFor(db, grant), avis };
}

/**
 * Ends the délégation in force on the foyer, if any, inside the caller's transaction: one conditional update, the
 * delegataire's sessions ended, the journal entry, the notice to the delegataire. Used by the withdrawal and by a
 * declared separation. Returns null when no délégation was in force.
 */
export async function endDelegationIn(
  tx: Prisma.TransactionClient,
  keys: FieldKeys,
  grant: AccessGrant,
  { ip, now = new Date() }: Change,
  cause: "retrait" | "separation",
  { notify = true }: { notify?: boolean } = {},
): Promise<{ delegataireId: string; avis: string[] } | null> {
  const ended = await tx.delegation.updateManyAndReturn({ where: { foyerId: grant.dossier.id, retireeLe: null }, data: { retireeLe: now }, select: { delegataireId: true } });
  const delegataireId = ended[0]?.delegataireId;
  if (!delegataireId) return null;
  // The conjoint's rights shrink: their open sessions end now, a captured cookie included.
  await tx.compte.updateMany({ where: { personneId: delegataireId }, data: { versionSession: { increment: 1 } } });
  await journalDemarche(tx, grant, { type: cause === "retrait" ? "DELEGATION_RETIREE" : "DELEGATION_TERMINEE_SEPARATION", ip, survenuLe: now, sujetId: delegataireId });
  const avis = notify ? await queueNoticeToConfirmedContacts(tx, keys, delegataireId, delegationEnded({ date: now, cause }), { now }) : [];
  return { delegataireId, avis };
}

export async function withdrawDelegation(db: Database, keys: FieldKeys, grant: AccessGrant, change: Change): Promise<DelegationChange> {
  assertCan(grant, "GERER_DELEGATION");
  const ended = await db.$transaction((tx) => endDelegationIn(tx, keys, grant, change, "retrait"));
  if (!ended) return { ok: false, reason: "AUCUNE_DELEGATION", message: "Aucune délégation n'est en cours : il n'y a rien à retirer." };
  return { ok: true, context: await delegationContextFor(db, grant), avis: ended.avis };
}
