import { Notice } from "@codegouvfr/react-dsfr/Notice";

/** Shown on every page while the database holds synthetic records (never with real data only). */
export function SyntheticDataBanner() {
  return (
    <div role="region" aria-label="Données fictives" data-testid="bandeau-donnees-fictives">
      <Notice
        isClosable={false}
        title="Données fictives"
        description="Ce portail contient des personnes et des dossiers inventés pour la démonstration et les essais : aucune donnée réelle n'y figure."
      />
    </div>
  );
}
