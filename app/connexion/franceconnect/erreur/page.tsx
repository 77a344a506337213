import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { CafContactHelp } from "@/components/help/caf-contact-help";
import type { PublicRefusal } from "@/lib/franceconnect/franceconnect-callback";

export const metadata: Metadata = { title: "Connexion avec FranceConnect refusée" };

const MESSAGES: Record<PublicRefusal, { title: string; description: string }> = {
  verification: {
    title: "La réponse de FranceConnect n'a pas pu être vérifiée",
    description:
      "Par sécurité, vous n'êtes pas connecté. Recommencez la connexion avec FranceConnect, ou connectez-vous avec votre numéro de sécurité sociale et votre mot de passe.",
  },
  expiree: {
    title: "Cette connexion avec FranceConnect a expiré",
    description:
      "Elle a pris trop de temps, ou elle a été commencée dans un autre onglet ou un autre navigateur. Par sécurité, vous n'êtes pas connecté : recommencez depuis la page de connexion.",
  },
  annulee: {
    title: "Vous avez annulé la connexion avec FranceConnect",
    description: "Vous n'êtes pas connecté. Vous pouvez recommencer, ou vous connecter avec votre numéro de sécurité sociale et votre mot de passe.",
  },
  niveau: {
    title: "Votre identité n'a pas été garantie avec le niveau de sécurité demandé",
    description: "FranceConnect n'a pas confirmé le niveau de sécurité attendu par Mon Compte. Par sécurité, vous n'êtes pas connecté.",
  },
  identite: {
    title: "FranceConnect n'a pas transmis toute votre identité",
    description:
      "Pour vous reconnaître, nous avons besoin de vos nom de naissance, prénoms, sexe, date et lieu de naissance. Vous n'êtes pas connecté : connectez-vous avec votre numéro de sécurité sociale et votre mot de passe.",
  },
  refusee: {
    title: "Nous ne pouvons pas ouvrir votre espace avec FranceConnect",
    description:
      "Connectez-vous avec votre numéro de sécurité sociale et votre mot de passe. Si cela ne fonctionne pas non plus, contactez votre Caf : ses coordonnées sont ci-dessous.",
  },
};

const raisonSchema = z.enum(["verification", "expiree", "annulee", "niveau", "identite", "refusee"]).catch("verification");

export default async function FranceConnectErrorPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const message = MESSAGES[raisonSchema.parse((await searchParams).raison)];
  return (
    <div className="fr-grid-row fr-grid-row--center">
      <div className="fr-col-12 fr-col-md-8">
        <h1>Connexion avec FranceConnect</h1>
        <Alert severity="error" as="h2" title={message.title} description={message.description} />
        <ul className="fr-btns-group fr-btns-group--inline-md fr-mt-4w">
          <li>
            <Link className="fr-btn" href="/connexion">
              Se connecter avec mon numéro de sécurité sociale
            </Link>
          </li>
          <li>
            {/* A plain link: the FranceConnect login starts with a full page load, not a client-side navigation. */}
            <a className="fr-btn fr-btn--secondary" href="/connexion/franceconnect">
              Réessayer avec FranceConnect
            </a>
          </li>
        </ul>
        <CafContactHelp
          title="Besoin d'aide ?"
          intro="Si la connexion ne fonctionne toujours pas, ou si vous n'avez pas encore de mot de passe, votre Caf peut vous aider."
          dossierPassword
        />
      </div>
    </div>
  );
}
