import type { Metadata } from "next";
import Link from "next/link";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { IdentitySummary } from "@/components/franceconnect/identity-summary";
import { readFranceConnectCookie } from "@/lib/franceconnect/franceconnect-cookies";
import { identityFields } from "@/lib/franceconnect/prefill";

export const metadata: Metadata = { title: "Aucun dossier ne correspond à votre identité" };

export default async function NoMatchPage() {
  const identity = await readFranceConnectCookie("identity");
  return (
    <div className="fr-grid-row fr-grid-row--center">
      <div className="fr-col-12 fr-col-md-8">
        <h1>Nous n&apos;avons pas trouvé votre dossier</h1>
        <Alert
          severity="info"
          as="h2"
          title="Votre identité ne correspond exactement à aucune personne connue de la Caf"
          description="FranceConnect a bien confirmé votre identité, mais nous ne vous reconnaissons que si tout concorde avec ce que la Caf a enregistré : nom de naissance, prénoms, sexe, date et lieu de naissance. Vous n'êtes pas connecté."
          className="fr-mb-4w"
        />
        {identity && (
          <>
            <h2 className="fr-h4">L&apos;identité transmise par FranceConnect</h2>
            <IdentitySummary fields={identityFields(identity)} />
          </>
        )}
        <h2 className="fr-h4">Pourquoi ?</h2>
        <ul className="fr-mb-4w">
          <li>Vous n&apos;avez encore jamais eu de dossier à la Caf ;</li>
          <li>
            ou votre état civil est enregistré autrement à la Caf (un prénom, le nom de naissance, la commune ou le pays de
            naissance) : dans ce cas, contactez votre Caf pour le faire corriger.
          </li>
        </ul>
        <h2 className="fr-h4">Vous avez déjà un dossier à la Caf</h2>
        <p>Connectez-vous avec votre numéro de sécurité sociale et votre mot de passe (ou, la première fois, le mot de passe à 8 chiffres de votre dossier).</p>
        <Link className="fr-btn fr-mb-4w" href="/connexion">
          Se connecter avec mon numéro de sécurité sociale
        </Link>
        <h2 className="fr-h4">Vous n&apos;avez jamais eu de dossier</h2>
        <p>Créez votre espace avant votre première demande{identity ? " : votre identité y sera déjà remplie" : ""}.</p>
        <Link className="fr-btn fr-btn--secondary" href="/creer-mon-espace">
          Créer mon espace
        </Link>
      </div>
    </div>
  );
}
