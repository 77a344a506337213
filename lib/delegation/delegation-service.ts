// The délégation de gestion (SPEC §1): only the allocataire of a foyer in a couple grants it, to the conjoint the
// dossier names, and may withdraw it at any time. Withdrawing ends the conjoint's open sessions at once (their
// rights change: QUALITY-BARS 6). Every change is one transaction with its journal entry.
import { journal } from "../audit/journal";
import { isUniqueViolation } from "../db/errors";
import type { Prisma } from "../db/generated/client";
import type { Database } from "../db/open-prisma";

import { displayName } from "../identity/person-name";

export { displayName };

export type DelegationContext = {
  foyerId: string;
  conjoint: { personneId: string; nomAffiche: string };
  /** The délégation in force, if any. */
  active: { id: string; accordeeLe: Date } | null;
};

/** For the allocataire of a foyer in a couple with a conjoint: the foyer, the conjoint and the délégation in force. Otherwise null. */
export async function delegationContext(db: Pick<Database, "membre">, personneId: string): Promise<DelegationContext | null> {
  const membership = await db.membre.findFirst({
    where: { personneId, jusquAuLe: null, role: "ALLOCATAIRE", foyer: { situation: "COUPLE" } },
    select: {
      foyer: {
        select: {
          id: true,
          membres: {
            where: { jusquAuLe: null, role: { in: ["CONJOINT", "CONJOINT_ALLOCATAIRE"] }, personneId: { not: personneId } },
            select: { personne: { select: { id: true, prenoms: true, nomNaissance: true, nomUsage: true } } },
            take: 1,
          },
          delegations: { where: { retireeLe: null }, select: { id: true, accordeeLe: true }, take: 1 },
        },
      },
    },
  });
  const conjoint = membership?.foyer.membres[0]?.personne;
  if (!membership || !conjoint) return null;
  return {
    foyerId: membership.foyer.id,
    conjoint: { personneId: conjoint.id, nomAffiche: displayName(conjoint) },
    active: membership.foyer.delegations[0] ?? null,
  };
}

type Change = { personneId: string; ip: string; now?: Date };

export type DelegationChange = { ok: true; context: DelegationContext } | { ok: false; reason: "NON_AUTORISE" | "DEJA_ACCORDEE" | "AUCUNE_DELEGATION"; message: string };

const NOT_ALLOWED = "Seul l'allocataire d'un foyer en couple peut accorder ou retirer la délégation de gestion du dossier.";

/** Grants the délégation to the conjoint, inside the caller's transaction (used by the wizard too). */
export async function grantDelegationIn(tx: Prisma.TransactionClient, context: DelegationContext, { personneId, ip, now = new Date() }: Change, source: string): Promise<void> {
  await tx.delegation.create({ data: { foyerId: context.foyerId, delegantId: personneId, delegataireId: context.conjoint.personneId, accordeeLe: now } });
  await journal(tx, { type: "DELEGATION_ACCORDEE", acteur: personneId, sujetId: context.conjoint.personneId, foyerId: context.foyerId, ip, survenuLe: now, details: { depuis: source } });
}

export async function grantDelegation(db: Database, change: Change): Promise<DelegationChange> {
  const context = await delegationContext(db, change.personneId);
  if (!context) return { ok: false, reason: "NON_AUTORISE", message: NOT_ALLOWED };
  const already = { ok: false as const, reason: "DEJA_ACCORDEE" as const, message: `La gestion du dossier est déjà déléguée à ${context.conjoint.nomAffiche}.` };
  if (context.active) return already;
  try {
    await db.$transaction((tx) => grantDelegationIn(tx, context, change, "mon-compte"));
  } catch (error) {
    // Granted meanwhile from another tab (one active délégation per foyer).
    if (isUniqueViolation(error)) return already;
    throw error;
  }
  return { ok: true, context: (await delegationContext(db, change.personneId))! };
}

export async function withdrawDelegation(db: Database, change: Change): Promise<DelegationChange> {
  const now = change.now ?? new Date();
  const context = await delegationContext(db, change.personneId);
  if (!context) return { ok: false, reason: "NON_AUTORISE", message: NOT_ALLOWED };
  const none = { ok: false as const, reason: "AUCUNE_DELEGATION" as const, message: "Aucune délégation n'est en cours : il n'y a rien à retirer." };
  if (!context.active) return none;
  const withdrawn = await db.$transaction(async (tx) => {
    const { count } = await tx.delegation.updateMany({ where: { id: context.active!.id, retireeLe: null }, data: { retireeLe: now } });
    if (count !== 1) return false;
    // The conjoint's rights shrink: their open sessions end now, a captured cookie included.
    await tx.compte.updateMany({ where: { personneId: context.conjoint.personneId }, data: { versionSession: { increment: 1 } } });
    await journal(tx, { type: "DELEGATION_RETIREE", acteur: change.personneId, sujetId: context.conjoint.personneId, foyerId: context.foyerId, ip: change.ip, survenuLe: now });
    return true;
  });
  if (!withdrawn) return none;
  return { ok: true, context: (await delegationContext(db, change.personneId))! };
}
