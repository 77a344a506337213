// The front desk (`npm run admin -- dossier:voir <numéro allocataire> --pour <identifiant>`): what a Caf agent may tell
// this person about this dossier. The answer comes from decideAccess(), as in the space: a conjoint without délégation
// or conjoint-allocataire status, another adult member or a stranger is told nothing about the dossier. Every
// consultation is journaled, with the agent as actor and the person who asked as subject.
// (A small reader of its own: no "server-only" here, the command runs outside Next.js.)
import { journal } from "../audit/journal";
import { displayName } from "../identity/person-name";
import { prestationLabel } from "../dossier/prestations";
import type { FieldKeys } from "../crypto/field-encryption";
import { lookupHash } from "../crypto/field-encryption";
import type { Database } from "../db/open-prisma";
import { parseLoginIdentifier } from "../identity/login-identifier";
import { parseNumeroAllocataire } from "../identity/numero-allocataire";
import { assertCan, can, type AccessGrant } from "./access-grant";
import { ACCESS_BASIS_LABELS, ACCESS_ROLE_LABELS, CAPABILITIES, CAPABILITY_LABELS, type AccessRole } from "./capabilities";
import { decideAccess } from "./decide-access";

/** How many payments the desk reads out (newest first). */
export const FRONT_DESK_PAYMENTS = 6;

const MEMBER_ROLES: Record<string, string> = {
  ALLOCATAIRE: "allocataire",
  CONJOINT: "conjoint",
  CONJOINT_ALLOCATAIRE: "conjoint allocataire",
  ENFANT: "enfant",
  AUTRE: "autre personne à charge",
};


/** Why nothing may be told, in the words the agent reads. */
const NOTHING_TOLD: Record<AccessRole, string> = {
  ALLOCATAIRE: "aucun droit sur ce dossier",
  CONJOINT: "conjoint sans délégation ni statut de conjoint allocataire, elle ne peut obtenir que ses propres informations personnelles",
  CONJOINT_DELEGATAIRE: "aucun droit de voir ce dossier",
  CONJOINT_ALLOCATAIRE: "aucun droit de voir ce dossier",
  AUTRE_MEMBRE: "autre membre majeur du foyer, elle ne peut obtenir que ses propres informations personnelles",
  TIERS: "elle n'est pas membre de ce dossier",
};

const euros = new Intl.NumberFormat("fr-FR", { style: "currency", currency: "EUR" });
const day = new Intl.DateTimeFormat("fr-FR", { day: "2-digit", month: "2-digit", year: "numeric", timeZone: "UTC" });
const month = new Intl.DateTimeFormat("fr-FR", { month: "long", year: "numeric", timeZone: "UTC" });

export type FrontDeskResult = { ok: true; told: boolean; lines: string[] } | { ok: false; message: string };

type DossierForDesk = {
  membres: { nom: string; role: string }[];
  prestations: { code: string; montantMensuelCentimes: number }[];
  paiements: { code: string; periode: Date; payeLe: Date; montantCentimes: number }[];
};

/** The dossier as the desk may read it out: only with VOIR_DOSSIER (members, prestations in progress, last payments). */
export async function readDossierForDesk(db: Pick<Database, "foyer">, grant: AccessGrant, now: Date): Promise<DossierForDesk> {
  assertCan(grant, "VOIR_DOSSIER");
  const current = { depuisLe: { lte: now }, OR: [{ jusquAuLe: null }, { jusquAuLe: { gt: now } }] };
  const foyer = await db.foyer.findUniqueOrThrow({
    where: { id: grant.dossier.id },
    select: {
      membres: { where: current, orderBy: { depuisLe: "asc" }, select: { role: true, personne: { select: { prenoms: true, nomNaissance: true, nomUsage: true } } } },
      prestations: { where: current, orderBy: { code: "asc" }, select: { code: true, montantMensuelCentimes: true } },
      paiements: {
        orderBy: [{ payeLe: "desc" }, { prestationId: "asc" }],
        take: FRONT_DESK_PAYMENTS,
        select: { periode: true, payeLe: true, montantCentimes: true, prestation: { select: { code: true } } },
      },
    },
  });
  const order = ["ALLOCATAIRE", "CONJOINT", "CONJOINT_ALLOCATAIRE", "AUTRE", "ENFANT"];
  return {
    membres: foyer.membres
      .toSorted((a, b) => order.indexOf(a.role) - order.indexOf(b.role))
      .map((m) => ({ nom: displayName(m.personne), role: MEMBER_ROLES[m.role] ?? m.role })),
    prestations: foyer.prestations,
    paiements: foyer.paiements.map((p) => ({ code: p.prestation.code, periode: p.periode, payeLe: p.payeLe, montantCentimes: p.montantCentimes })),
  };
}

const prestationName = (code: string) => (prestationLabel(code) !== code ? `${code} (${prestationLabel(code)})` : code);

export async function frontDeskView(
  db: Database,
  keys: FieldKeys,
  input: { numeroAllocataire: string; identifiant: string; operateur: string; now?: Date },
): Promise<FrontDeskResult> {
  const now = input.now ?? new Date();
  const numero = parseNumeroAllocataire(input.numeroAllocataire);
  if (!numero.ok) return { ok: false, message: numero.error };
  const identifiant = parseLoginIdentifier(input.identifiant);
  if (!identifiant.ok) return { ok: false, message: identifiant.error };
  const personne = await db.personne.findFirst({
    where: identifiant.kind === "provisoire" ? { identifiantProvisoire: identifiant.value } : { nirEmpreinte: lookupHash(identifiant.value, keys) },
    select: { id: true, prenoms: true, nomNaissance: true, nomUsage: true },
  });
  if (!personne) return { ok: false, message: "Aucune personne ne correspond à cet identifiant." };
  const grant = await decideAccess(db, personne.id, { numeroAllocataire: numero.value }, now);
  if (!grant) return { ok: false, message: `Aucun dossier ne porte le numéro allocataire ${numero.value}.` };

  const told = can(grant, "VOIR_DOSSIER");
  const basis = grant.basis ? ACCESS_BASIS_LABELS[grant.basis] : null;
  const lines = [
    `Dossier ${grant.dossier.numeroAllocataire}${grant.dossier.statut === "RADIE" ? " (radié)" : ""} — demande de ${displayName(personne)}`,
    `Rôle : ${ACCESS_ROLE_LABELS[grant.role]}${basis && !ACCESS_ROLE_LABELS[grant.role].includes(basis) ? ` (${basis})` : ""}`,
  ];
  const capabilities = CAPABILITIES.filter((c) => can(grant, c));
  lines.push(capabilities.length > 0 ? "Cette personne peut :" : "Cette personne ne peut rien faire sur ce dossier.");
  for (const capability of capabilities) lines.push(`  - ${CAPABILITY_LABELS[capability]}`);
  lines.push("");

  if (!told) {
    lines.push(`Rien ne peut être communiqué à cette personne sur ce dossier : ${NOTHING_TOLD[grant.role]}.`);
  } else {
    const dossier = await readDossierForDesk(db, grant, now);
    lines.push("Ce qui peut lui être communiqué :", "Membres du foyer :");
    for (const m of dossier.membres) lines.push(`  - ${m.nom}, ${m.role}`);
    lines.push("Prestations en cours :");
    if (dossier.prestations.length === 0) lines.push("  aucune");
    for (const p of dossier.prestations) lines.push(`  - ${prestationName(p.code)} : ${euros.format(p.montantMensuelCentimes / 100)} par mois`);
    lines.push("Derniers paiements :");
    if (dossier.paiements.length === 0) lines.push("  aucun");
    for (const p of dossier.paiements) lines.push(`  - ${day.format(p.payeLe)} : ${p.code} pour ${month.format(p.periode)}, ${euros.format(p.montantCentimes / 100)}`);
  }

  await journal(db, {
    type: told ? "DOSSIER_CONSULTE_GUICHET" : "GUICHET_RIEN_COMMUNIQUE",
    acteur: `operateur:${input.operateur.slice(0, 60)}`,
    sujetId: personne.id,
    foyerId: grant.dossier.id,
    survenuLe: now,
    details: { numeroAllocataire: grant.dossier.numeroAllocataire, role: grant.role, titre: grant.basis ?? null },
  });
  return { ok: true, told, lines };
}
