// What a person may see of a dossier, read for them. Every function takes the grant issued by lib/access and checks
// it first: without VOIR_DOSSIER nothing of the dossier is read (not even its members' names), and what is returned
// holds only what the pages show — no identifier, no NIR, no contact detail of anyone.
import "server-only";
import { assertCan, can, type AccessGrant } from "../access/access-grant";
import { ACCESS_ROLE_LABELS } from "../access/capabilities";
import type { Database } from "../db/open-prisma";
import { displayName } from "../delegation/delegation-service";
import { nextPaymentDay } from "./prestations";

type Db = Pick<Database, "membre" | "prestation" | "paiement" | "delegation" | "personne">;

const MEMBER_ROLE_LABELS: Record<string, string> = {
  ALLOCATAIRE: "Allocataire",
  CONJOINT: "Conjoint ou conjointe",
  CONJOINT_ALLOCATAIRE: "Conjoint ou conjointe",
  ENFANT: "Enfant",
  AUTRE: "Autre personne à charge",
};

const current = (now: Date) => ({ depuisLe: { lte: now }, OR: [{ jusquAuLe: null }, { jusquAuLe: { gt: now } }] });

export type DossierMember = { nom: string; role: string; anneeNaissance: number; estVous: boolean };
export type DossierPrestation = { code: string; montantMensuelCentimes: number; depuisLe: Date; beneficiaire: string | null };
export type DossierPayment = { periode: Date; payeLe: Date; code: string; montantCentimes: number };
export type NextPayment = { date: Date; montantCentimes: number };

export type DossierOverview = {
  numeroAllocataire: string;
  situation: "COUPLE" | "SEUL";
  radie: boolean;
  fictif: boolean;
  membres: DossierMember[];
  prestations: DossierPrestation[];
  paiements: DossierPayment[];
  prochainPaiement: NextPayment | null;
};

/** The prestations in progress, and the next payment (the sum of their monthly amounts, on the next payment day). */
export async function dossierPrestations(db: Pick<Db, "prestation" | "personne">, grant: AccessGrant, now: Date): Promise<{ prestations: DossierPrestation[]; prochainPaiement: NextPayment | null }> {
  assertCan(grant, "VOIR_DOSSIER");
  const rows = await db.prestation.findMany({
    where: { foyerId: grant.dossier.id, ...current(now) },
    select: { code: true, montantMensuelCentimes: true, depuisLe: true, beneficiaire: { select: { prenoms: true, nomNaissance: true, nomUsage: true } } },
    orderBy: [{ depuisLe: "asc" }, { code: "asc" }],
  });
  const prestations = rows.map((p) => ({ code: p.code, montantMensuelCentimes: p.montantMensuelCentimes, depuisLe: p.depuisLe, beneficiaire: p.beneficiaire ? displayName(p.beneficiaire) : null }));
  const total = prestations.reduce((sum, p) => sum + p.montantMensuelCentimes, 0);
  const prochainPaiement = grant.dossier.statut === "ACTIF" && prestations.length > 0 ? { date: nextPaymentDay(now), montantCentimes: total } : null;
  return { prestations, prochainPaiement };
}

/** Everything "Mon dossier" shows: members, prestations in progress, the last twelve months of payments. */
export async function dossierOverview(db: Db, grant: AccessGrant, now: Date): Promise<DossierOverview> {
  assertCan(grant, "VOIR_DOSSIER");
  const [membres, { prestations, prochainPaiement }, paiements] = await Promise.all([
    db.membre.findMany({
      where: { foyerId: grant.dossier.id, ...current(now) },
      select: { role: true, personneId: true, personne: { select: { prenoms: true, nomNaissance: true, nomUsage: true, dateNaissance: true } } },
      orderBy: [{ role: "asc" }, { personne: { dateNaissance: "asc" } }],
    }),
    dossierPrestations(db, grant, now),
    db.paiement.findMany({
      where: { foyerId: grant.dossier.id, payeLe: { lte: now, gte: new Date(Date.UTC(now.getUTCFullYear() - 1, now.getUTCMonth(), now.getUTCDate())) } },
      select: { periode: true, payeLe: true, montantCentimes: true, prestation: { select: { code: true } } },
      orderBy: [{ payeLe: "desc" }, { prestation: { code: "asc" } }],
    }),
  ]);
  return {
    numeroAllocataire: grant.dossier.numeroAllocataire,
    situation: grant.dossier.situation,
    radie: grant.dossier.statut === "RADIE",
    fictif: grant.dossier.fictif,
    membres: membres.map((m) => ({
      nom: displayName(m.personne),
      role: MEMBER_ROLE_LABELS[m.role] ?? m.role,
      anneeNaissance: m.personne.dateNaissance.getUTCFullYear(),
      estVous: m.personneId === grant.acteurId,
    })),
    prestations,
    paiements: paiements.map((p) => ({ periode: p.periode, payeLe: p.payeLe, code: p.prestation.code, montantCentimes: p.montantCentimes })),
    prochainPaiement,
  };
}

export type DelegationState =
  | { kind: "accordee"; a: string; depuis: Date }
  | { kind: "recue"; de: string; depuis: Date }
  | { kind: "aucune-accordee"; peutAccorder: true }
  | { kind: "aucune" };

/**
 * The délégation as this person may know it: the allocataire sees whether they granted it and to whom; the conjoint
 * sees whether they received it; anyone else learns nothing about it.
 */
export async function delegationState(db: Pick<Db, "delegation">, grant: AccessGrant): Promise<DelegationState> {
  assertCan(grant, "VOIR_SES_DONNEES"); // any member of the dossier; a stranger's grant stops here
  const names = { prenoms: true, nomNaissance: true, nomUsage: true } as const;
  const active = await db.delegation.findFirst({
    where: { foyerId: grant.dossier.id, retireeLe: null, OR: [{ delegantId: grant.acteurId }, { delegataireId: grant.acteurId }] },
    select: { delegantId: true, accordeeLe: true, delegant: { select: names }, delegataire: { select: names } },
  });
  if (active?.delegantId === grant.acteurId) return { kind: "accordee", a: displayName(active.delegataire), depuis: active.accordeeLe };
  if (active && grant.role === "CONJOINT_DELEGATAIRE") return { kind: "recue", de: displayName(active.delegant), depuis: active.accordeeLe };
  if (can(grant, "GERER_DELEGATION")) return { kind: "aucune-accordee", peutAccorder: true };
  return { kind: "aucune" };
}

/** The viewer's place in the dossier, in words ("conjoint avec délégation"). */
export function roleLabel(grant: AccessGrant): string {
  return ACCESS_ROLE_LABELS[grant.role];
}
