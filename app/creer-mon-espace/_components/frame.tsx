// The frame of every step of "Créer mon espace": the title, the DSFR stepper ("Étape 2 sur 5") and the way back.
import type { ReactNode } from "react";
import { Stepper } from "@codegouvfr/react-dsfr/Stepper";
import { BackLink } from "@/components/layout/back-link";
import { ETAPE_CHEMINS, ETAPE_TITRES, ETAPES, type EtapeId } from "@/lib/creer-mon-espace/draft";

export function CreationFrame({ etape, children }: { etape: EtapeId; children: ReactNode }) {
  const index = ETAPES.indexOf(etape);
  const next = ETAPES[index + 1];
  const previous = ETAPES[index - 1];
  return (
    <div className="fr-grid-row fr-grid-row--center">
      <div className="fr-col-12 fr-col-md-10 fr-col-lg-8">
        <h1>Créer mon espace</h1>
        <Stepper currentStep={index + 1} stepCount={ETAPES.length} title={ETAPE_TITRES[etape]} nextTitle={next ? ETAPE_TITRES[next] : "Conditions d'utilisation et mot de passe"} />
        {children}
        <p className="fr-mt-4w">
          <BackLink href={previous ? ETAPE_CHEMINS[previous] : "/creer-mon-espace"}>
            {previous ? `Revenir à l'étape précédente : ${ETAPE_TITRES[previous].toLowerCase()}` : "Revenir à la présentation"}
          </BackLink>
        </p>
        <p className="fr-text--sm fr-mt-4w">
          Ce que vous avez saisi est gardé pendant 2 heures sur ce navigateur : vous pouvez revenir en arrière sans rien perdre.
        </p>
      </div>
    </div>
  );
}
