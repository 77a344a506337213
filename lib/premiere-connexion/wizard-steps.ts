// The first-connection wizard's steps (SPEC §3), in order: CGU, personal password, contact details, and — for an
// allocataire in a couple only — the délégation de gestion. Pure: the screens and the server both use it.

export type WizardStepId = "conditions" | "mot-de-passe" | "coordonnees" | "delegation";

export type WizardFacts = {
  cguAcceptees: boolean;
  motDePasseChoisi: boolean;
  coordonneesSaisies: boolean;
  delegationProposee: boolean;
  /** The person is the allocataire of a foyer in a couple, with a conjoint: the only case with a délégation step. */
  allocataireEnCouple: boolean;
};

export const WIZARD_STEP_TITLES: Record<WizardStepId, string> = {
  conditions: "Conditions générales d'utilisation",
  "mot-de-passe": "Votre mot de passe personnel",
  coordonnees: "Vos coordonnées",
  delegation: "Délégation de gestion du dossier",
};

export const WIZARD_STEP_PATHS: Record<WizardStepId, string> = {
  conditions: "/premiere-connexion/conditions",
  "mot-de-passe": "/premiere-connexion/mot-de-passe",
  coordonnees: "/premiere-connexion/coordonnees",
  delegation: "/premiere-connexion/delegation",
};

export type WizardProgress = {
  steps: WizardStepId[];
  done: Record<WizardStepId, boolean>;
  /** The first step not done yet, or null when the wizard is complete. */
  current: WizardStepId | null;
};

export function wizardProgress(facts: WizardFacts): WizardProgress {
  const steps: WizardStepId[] = ["conditions", "mot-de-passe", "coordonnees"];
  if (facts.allocataireEnCouple) steps.push("delegation");
  const done: Record<WizardStepId, boolean> = {
    conditions: facts.cguAcceptees,
    "mot-de-passe": facts.motDePasseChoisi,
    coordonnees: facts.coordonneesSaisies,
    delegation: !facts.allocataireEnCouple || facts.delegationProposee,
  };
  return { steps, done, current: steps.find((step) => !done[step]) ?? null };
}

/** A step may be shown once every step before it is done (going back to a done step is allowed). */
export function canOpenStep(progress: WizardProgress, step: WizardStepId): boolean {
  const index = progress.steps.indexOf(step);
  return index >= 0 && progress.steps.slice(0, index).every((earlier) => progress.done[earlier]);
}

/** Where to go after a step: the first step still to do, or null when all are done. */
export function nextPath(progress: WizardProgress): string | null {
  return progress.current ? WIZARD_STEP_PATHS[progress.current] : null;
}
