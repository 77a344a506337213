// What the database says about a person's first connection: which steps are done, and who the conjoint is when
// the délégation step applies. Every wizard page and action starts from here, never from what the browser sends.
import { hasAcceptedCurrentCgu } from "../cgu/cgu-versions";
import type { Database } from "../db/open-prisma";
import { wizardProgress, type WizardProgress } from "./wizard-steps";

export type Conjoint = { personneId: string; nomAffiche: string };

export type WizardState = WizardProgress & {
  compteId: string;
  etat: string;
  /** Set for an allocataire in a couple: the foyer and the conjoint who may receive the délégation. */
  delegation: { foyerId: string; conjoint: Conjoint; dejaActive: boolean } | null;
};

/** "Julien DURAND": first prénom and the name in use, in capitals. */
export function displayName(p: { prenoms: string[]; nomNaissance: string; nomUsage: string | null }): string {
  return `${p.prenoms[0] ?? ""} ${(p.nomUsage ?? p.nomNaissance).toLocaleUpperCase("fr-FR")}`.trim();
}

export async function loadWizardState(db: Database, personneId: string): Promise<WizardState | null> {
  const personne = await db.personne.findUnique({
    where: { id: personneId },
    select: {
      compte: { select: { id: true, etat: true, motDePasseHash: true, coordonneesSaisiesLe: true, delegationProposeeLe: true } },
      appartenances: {
        where: { jusquAuLe: null, role: "ALLOCATAIRE", foyer: { situation: "COUPLE" } },
        select: {
          foyer: {
            select: {
              id: true,
              membres: {
                where: { jusquAuLe: null, role: { in: ["CONJOINT", "CONJOINT_ALLOCATAIRE"] } },
                select: { personne: { select: { id: true, prenoms: true, nomNaissance: true, nomUsage: true } } },
                take: 1,
              },
              delegations: { where: { retireeLe: null }, select: { id: true }, take: 1 },
            },
          },
        },
        take: 1,
      },
    },
  });
  const compte = personne?.compte;
  if (!personne || !compte) return null;
  const foyer = personne.appartenances[0]?.foyer;
  const conjoint = foyer?.membres[0]?.personne;
  const delegation =
    foyer && conjoint && conjoint.id !== personneId
      ? { foyerId: foyer.id, conjoint: { personneId: conjoint.id, nomAffiche: displayName(conjoint) }, dejaActive: foyer.delegations.length > 0 }
      : null;
  const progress = wizardProgress({
    cguAcceptees: await hasAcceptedCurrentCgu(db, personneId),
    motDePasseChoisi: compte.motDePasseHash !== null,
    coordonneesSaisies: compte.coordonneesSaisiesLe !== null,
    delegationProposee: compte.delegationProposeeLe !== null,
    allocataireEnCouple: delegation !== null,
  });
  return { ...progress, compteId: compte.id, etat: compte.etat, delegation };
}
