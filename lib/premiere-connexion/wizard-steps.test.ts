import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { canOpenStep, nextPath, wizardProgress, type WizardFacts } from "./wizard-steps";

const none: WizardFacts = { cguAcceptees: false, motDePasseChoisi: false, coordonneesSaisies: false, delegationProposee: false, allocataireEnCouple: false };

describe("étapes de la première connexion", () => {
  it("dans l'ordre : CGU, mot de passe, coordonnées, puis délégation pour un allocataire en couple seulement", () => {
    expect(wizardProgress(none).steps).toEqual(["conditions", "mot-de-passe", "coordonnees"]);
    expect(wizardProgress({ ...none, allocataireEnCouple: true }).steps).toEqual(["conditions", "mot-de-passe", "coordonnees", "delegation"]);
  });

  it("reprend à la première étape non terminée, même si une étape suivante l'est", () => {
    expect(wizardProgress(none).current).toBe("conditions");
    expect(wizardProgress({ ...none, cguAcceptees: true }).current).toBe("mot-de-passe");
    // A new CGU version published after the password was chosen: back to the CGU first.
    expect(wizardProgress({ ...none, motDePasseChoisi: true, coordonneesSaisies: true }).current).toBe("conditions");
    expect(nextPath(wizardProgress({ ...none, cguAcceptees: true, motDePasseChoisi: true }))).toBe("/premiere-connexion/coordonnees");
  });

  it("est terminé sans délégation pour un conjoint ou un allocataire seul, avec elle pour un allocataire en couple", () => {
    const all = { ...none, cguAcceptees: true, motDePasseChoisi: true, coordonneesSaisies: true };
    expect(wizardProgress(all).current).toBeNull();
    expect(wizardProgress({ ...all, allocataireEnCouple: true }).current).toBe("delegation");
    expect(wizardProgress({ ...all, allocataireEnCouple: true, delegationProposee: true }).current).toBeNull();
    expect(nextPath(wizardProgress(all))).toBeNull();
  });

  it("une étape ne s'ouvre que si toutes les précédentes sont faites ; la délégation n'existe pas hors couple (propriété)", () => {
    fc.assert(
      fc.property(fc.record({ cguAcceptees: fc.boolean(), motDePasseChoisi: fc.boolean(), coordonneesSaisies: fc.boolean(), delegationProposee: fc.boolean(), allocataireEnCouple: fc.boolean() }), (facts) => {
        const progress = wizardProgress(facts);
        for (const [index, step] of progress.steps.entries()) {
          const earlierDone = progress.steps.slice(0, index).every((s) => progress.done[s]);
          expect(canOpenStep(progress, step)).toBe(earlierDone);
        }
        if (!facts.allocataireEnCouple) expect(canOpenStep(progress, "delegation")).toBe(false);
        // The current step is always open.
        if (progress.current) expect(canOpenStep(progress, progress.current)).toBe(true);
      }),
    );
  });
});
