// What the database says about a person's first connection: which steps are done, and who the conjoint is when
// the délégation step applies. Every wizard page and action starts from here, never from what the browser sends.
import { hasAcceptedCurrentCgu } from "../cgu/cgu-versions";
import { delegationContext, type DelegationContext } from "../delegation/delegation-service";
import type { Database } from "../db/open-prisma";
import { wizardProgress, type WizardProgress } from "./wizard-steps";

export type WizardState = WizardProgress & {
  compteId: string;
  etat: string;
  /** Set for an allocataire in a couple: the foyer and the conjoint who may receive the délégation. */
  delegation: (Pick<DelegationContext, "foyerId" | "numeroAllocataire" | "delegant" | "conjoint"> & { dejaActive: boolean }) | null;
};

export async function loadWizardState(db: Database, personneId: string): Promise<WizardState | null> {
  const compte = await db.compte.findUnique({
    where: { personneId },
    select: { id: true, etat: true, motDePasseHash: true, coordonneesSaisiesLe: true, delegationProposeeLe: true },
  });
  if (!compte) return null;
  const context = await delegationContext(db, personneId);
  // The access module decides (GERER_DELEGATION): only the allocataire of a foyer in a couple gets this step.
  const delegation = context
    ? { foyerId: context.foyerId, numeroAllocataire: context.numeroAllocataire, delegant: context.delegant, conjoint: context.conjoint, dejaActive: context.active !== null }
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
