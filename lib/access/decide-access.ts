// decideAccess(): who this person is to this dossier, and so what they may do on it (./capabilities.ts). It reads
// the foyer roles, the délégation in force and the conjoint-allocataire status from the database at each call:
// a délégation withdrawn a second ago counts at the next request.
import type { Database } from "../db/open-prisma";
import { allowsAnything, issueGrant, type AccessGrant } from "./access-grant";
import { capabilitiesOf, CONJOINT_ALLOCATAIRE_PRESTATIONS, type AccessBasis, type AccessRole } from "./capabilities";
import { protectionAccess } from "./protection-access";

export type DossierSelector = { numeroAllocataire: string } | { foyerId: string };

type Db = Pick<Database, "foyer" | "mesureProtection">;

const ADULT_AGE = 18;

function isAdult(dateNaissance: Date, now: Date): boolean {
  const majority = new Date(Date.UTC(dateNaissance.getUTCFullYear() + ADULT_AGE, dateNaissance.getUTCMonth(), dateNaissance.getUTCDate()));
  return majority <= now;
}

/** A current membership: started, and not ended (a dossier closed by the Caf — radié — still counts). */
const current = (now: Date) => ({ depuisLe: { lte: now }, OR: [{ jusquAuLe: null }, { jusquAuLe: { gt: now } }] });

/**
 * The access this person has to the dossier, or null when the dossier does not exist. A person the dossier does not
 * name gets a grant with role "TIERS" and no capability, so that callers cannot tell "absent" from "not yours".
 */
export async function decideAccess(db: Db, personneId: string, selector: DossierSelector, now: Date = new Date()): Promise<AccessGrant | null> {
  const where = "numeroAllocataire" in selector ? { numeroAllocataire: selector.numeroAllocataire } : { id: selector.foyerId };
  const foyer = await db.foyer.findUnique({
    where,
    select: {
      id: true,
      numeroAllocataire: true,
      situation: true,
      statut: true,
      fictif: true,
      membres: {
        where: current(now),
        select: { personneId: true, role: true, prestationPropre: true, personne: { select: { dateNaissance: true } } },
      },
      delegations: { where: { retireeLe: null }, select: { delegantId: true, delegataireId: true }, take: 1 },
      prestations: {
        where: { beneficiaireId: personneId, code: { in: [...CONJOINT_ALLOCATAIRE_PRESTATIONS] }, depuisLe: { lte: now }, OR: [{ jusquAuLe: null }, { jusquAuLe: { gt: now } }] },
        select: { code: true },
        take: 1,
      },
    },
  });
  if (!foyer) return null;
  const dossier = { id: foyer.id, numeroAllocataire: foyer.numeroAllocataire, situation: foyer.situation, statut: foyer.statut, fictif: foyer.fictif };
  const enCouple = foyer.situation === "COUPLE";
  const conjointRoles = new Set(["CONJOINT", "CONJOINT_ALLOCATAIRE"]);
  const aUnConjoint = foyer.membres.some((m) => conjointRoles.has(m.role));
  const membre = foyer.membres.find((m) => m.personneId === personneId);
  const allocataire = foyer.membres.find((m) => m.role === "ALLOCATAIRE");

  let role: AccessRole = "TIERS";
  let basis: AccessBasis | null = null;
  let pourLeCompteDe: string | null = null;
  if (membre?.role === "ALLOCATAIRE") {
    role = "ALLOCATAIRE";
  } else if (membre && conjointRoles.has(membre.role)) {
    const ownRight =
      (membre.role === "CONJOINT_ALLOCATAIRE" && (CONJOINT_ALLOCATAIRE_PRESTATIONS as readonly string[]).includes(membre.prestationPropre ?? "")) ||
      foyer.prestations.length > 0;
    const delegation = foyer.delegations[0];
    if (ownRight) {
      role = "CONJOINT_ALLOCATAIRE";
      basis = "conjoint-allocataire";
    } else if (enCouple && delegation && delegation.delegataireId === personneId && delegation.delegantId === allocataire?.personneId) {
      role = "CONJOINT_DELEGATAIRE";
      basis = "delegation";
      pourLeCompteDe = delegation.delegantId;
    } else {
      role = "CONJOINT";
    }
  } else if (membre && isAdult(membre.personne.dateNaissance, now)) {
    role = "AUTRE_MEMBRE";
  }

  if (role === "TIERS") {
    // Not named by the dossier: a protection measure over one of its members may still open it (tuteurs).
    const protection = await protectionAccess(db, personneId, foyer.membres.map((m) => m.personneId), now);
    if (protection) {
      return issueGrant({ acteurId: personneId, dossier, role: "TIERS", basis: "mesure-de-protection", capabilities: protection.capabilities, pourLeCompteDe: protection.protegeId, decidedAt: now });
    }
  }
  return issueGrant({ acteurId: personneId, dossier, role, basis, capabilities: capabilitiesOf(role, { enCouple, aUnConjoint }), pourLeCompteDe, decidedAt: now });
}

/** Every dossier that names this person as a current member, with their access to it (the tableau de bord's list). */
export async function accessibleDossiers(db: Db & Pick<Database, "membre">, personneId: string, now: Date = new Date()): Promise<AccessGrant[]> {
  const memberships = await db.membre.findMany({ where: { personneId, ...current(now) }, select: { foyerId: true }, orderBy: { depuisLe: "asc" } });
  const grants = await Promise.all(memberships.map((m) => decideAccess(db, personneId, { foyerId: m.foyerId }, now)));
  return grants.filter((g): g is AccessGrant => allowsAnything(g));
}
