// "Déclarer une séparation" (docs/regles/delegation-et-separation.md): a member of a couple (allocataire, conjoint
// with or without délégation, conjoint allocataire: capability DECLARER_SEPARATION, lib/access) records a request for
// the Caf. In one transaction: the request (one "en cours" per foyer, by a partial unique index, so a second
// declaration from another tab or from the other member gives the same single request), the délégation in force
// ended (the delegataire's sessions too), the other member of the couple told on their confirmed contact details,
// the journal. The Caf processes the request outside the portal (no operator command yet).
import "server-only";
import { randomUUID } from "node:crypto";
import { assertCan, can, journalDemarche, AccessDeniedError, type AccessGrant } from "../access";
import type { FieldKeys } from "../crypto/field-encryption";
import { db as portalDb } from "../db/client";
import type { Prisma } from "../db/generated/client";
import type { Database } from "../db/open-prisma";
import { displayName, endDelegationIn } from "../delegation/delegation-service";
import { fieldErrorsFrom } from "../forms/action-result";
import { queueNoticeToConfirmedContacts } from "../messaging/notify-confirmed-contacts";
import { separationDeclared } from "../messaging/templates-delegation";
import { isoDate, separationSchema, todayInParis, type SeparationField } from "./separation-form";

export type SeparationEnCours = {
  declareeLe: Date;
  dateSeparation: Date;
  /** True when the person looking declared it themselves. */
  parVous: boolean;
  /** "Julien DURAND": the member of the couple who declared it. */
  declarant: string;
};

type Reader = Pick<Database, "declarationSeparation">;

/**
 * The separation request awaiting the Caf on this dossier, if any: for "Mon dossier" (VOIR_DOSSIER) and for the
 * members of the couple (DECLARER_SEPARATION), e.g. the other member at their next visit.
 */
export async function separationEnCours(grant: AccessGrant, database?: Reader): Promise<SeparationEnCours | null> {
  if (!can(grant, "VOIR_DOSSIER") && !can(grant, "DECLARER_SEPARATION")) throw new AccessDeniedError("DECLARER_SEPARATION");
  const row = await (database ?? (await portalDb())).declarationSeparation.findFirst({
    where: { foyerId: grant.dossier.id, statut: "EN_COURS" },
    select: { declareeLe: true, dateSeparation: true, declareePar: true, declarant: { select: { prenoms: true, nomNaissance: true, nomUsage: true } } },
  });
  if (!row) return null;
  return { declareeLe: row.declareeLe, dateSeparation: row.dateSeparation, parVous: row.declareePar === grant.acteurId, declarant: displayName(row.declarant) };
}

const current = (now: Date) => ({ depuisLe: { lte: now }, OR: [{ jusquAuLe: null }, { jusquAuLe: { gt: now } }] });

/** sexe: the words about each of them agree with it ("séparé" or "séparée", "informé" or "informée"). */
type Member = { id: string; nomAffiche: string; sexe: "M" | "F" };
type Couple = { debutCouple: Date; declarant: Member; autreMembre: Member };

/** The two adults of the couple on this dossier, and since when the dossier knows the couple. */
export async function coupleOf(database: Pick<Database, "membre">, grant: AccessGrant): Promise<Couple> {
  assertCan(grant, "DECLARER_SEPARATION");
  const membres = await database.membre.findMany({
    where: { foyerId: grant.dossier.id, role: { in: ["ALLOCATAIRE", "CONJOINT", "CONJOINT_ALLOCATAIRE"] }, ...current(grant.decidedAt) },
    select: { depuisLe: true, personne: { select: { id: true, prenoms: true, nomNaissance: true, nomUsage: true, sexe: true } } },
  });
  // DECLARER_SEPARATION implies a foyer in a couple where the grant's person is the allocataire or the conjoint.
  const declarant = membres.find((m) => m.personne.id === grant.acteurId);
  const autre = membres.find((m) => m.personne.id !== grant.acteurId);
  if (!declarant || !autre) throw new AccessDeniedError("DECLARER_SEPARATION");
  return {
    debutCouple: new Date(Math.max(declarant.depuisLe.getTime(), autre.depuisLe.getTime())),
    declarant: { id: declarant.personne.id, nomAffiche: displayName(declarant.personne), sexe: declarant.personne.sexe },
    autreMembre: { id: autre.personne.id, nomAffiche: displayName(autre.personne), sexe: autre.personne.sexe },
  };
}

export type DeclareSeparationOutcome =
  | { ok: false; reason: "SAISIE_INVALIDE"; fieldErrors: Partial<Record<SeparationField, string>> }
  | {
      ok: true;
      /** False when a request was already awaiting the Caf: nothing new was recorded. */
      enregistree: boolean;
      avis: string[];
      /** Set when the declarant was the delegataire: their own session version after the délégation ended. */
      versionSessionDeclarant: number | null;
    };

export async function declareSeparation(
  database: Database,
  keys: FieldKeys,
  grant: AccessGrant,
  input: { dateSeparation: unknown; confirmation: unknown },
  { ip, now = new Date() }: { ip: string; now?: Date },
): Promise<DeclareSeparationOutcome> {
  const couple = await coupleOf(database, grant);
  const parsed = separationSchema({ debutCouple: couple.debutCouple, today: todayInParis(now) }).safeParse(input);
  if (!parsed.success) return { ok: false, reason: "SAISIE_INVALIDE", fieldErrors: fieldErrorsFrom<SeparationField>(parsed.error.issues) };
  const dateSeparation = parsed.data.dateSeparation;

  return database.$transaction(async (tx: Prisma.TransactionClient) => {
    const id = randomUUID();
    // One statement decides: the partial unique index (one EN_COURS request per foyer) makes a second one a no-op.
    const { count } = await tx.declarationSeparation.createMany({
      data: [{ id, foyerId: grant.dossier.id, declareePar: grant.acteurId, declareeLe: now, dateSeparation, statut: "EN_COURS" }],
      skipDuplicates: true,
    });
    if (count !== 1) return { ok: true as const, enregistree: false, avis: [], versionSessionDeclarant: null };

    const ended = await endDelegationIn(tx, keys, grant, { ip, now }, "separation", { notify: false });
    const avis = await queueNoticeToConfirmedContacts(
      tx,
      keys,
      couple.autreMembre.id,
      separationDeclared({ date: now, declarant: couple.declarant.nomAffiche, delegationTerminee: ended?.delegataireId === couple.autreMembre.id }),
      { now },
    );
    await journalDemarche(tx, grant, {
      type: "SEPARATION_DECLAREE",
      ip,
      survenuLe: now,
      sujetId: grant.acteurId,
      details: { declaration: id, dateSeparation: isoDate(dateSeparation), autreMembre: couple.autreMembre.id, avisEnvoyes: avis.length, delegationTerminee: ended !== null },
    });
    let versionSessionDeclarant: number | null = null;
    if (ended?.delegataireId === grant.acteurId) {
      versionSessionDeclarant = (await tx.compte.findUnique({ where: { personneId: grant.acteurId }, select: { versionSession: true } }))?.versionSession ?? null;
    }
    return { ok: true as const, enregistree: true, avis, versionSessionDeclarant };
  });
}
