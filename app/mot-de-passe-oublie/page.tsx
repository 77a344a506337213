import type { Metadata } from "next";
import Link from "next/link";
import { BackLink } from "@/components/layout/back-link";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { CafContactHelp } from "@/components/help/caf-contact-help";
import { requireAnonymous } from "@/lib/auth/guards";
import { IdentifierStepForm } from "./_components/identifier-step-form";
import { RecoveryStepper } from "./_components/recovery-stepper";

export const metadata: Metadata = { title: "Mot de passe oublié" };

export default async function MotDePasseOubliePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireAnonymous();
  const expired = (await searchParams).raison === "expiree";
  return (
    <div className="fr-grid-row fr-grid-row--center">
      <div className="fr-col-12 fr-col-md-8 fr-col-lg-6">
        <h1>Mot de passe oublié</h1>
        <RecoveryStepper step={1} />
        {expired && (
          <Alert
            severity="info"
            small
            className="fr-mb-3w"
            description="Votre demande a pris fin ou n'est plus valable. Pour choisir un nouveau mot de passe, recommencez en saisissant votre identifiant et votre coordonnée."
          />
        )}
        <p>
          Pour choisir un nouveau mot de passe, saisissez votre identifiant et, en entier, l&apos;adresse électronique ou le numéro de
          mobile que vous avez confirmé dans votre espace. Si les deux correspondent, vous y recevrez un code de vérification.
        </p>
        <IdentifierStepForm />
        <CafContactHelp
          title="Vous ne vous êtes encore jamais connecté, ou vous n'avez plus accès à vos coordonnées ?"
          intro="Ce formulaire sert aux espaces déjà ouverts, avec une adresse électronique ou un numéro de mobile confirmé. Pour une toute première connexion, utilisez le mot de passe à 8 chiffres de votre dossier."
          dossierPassword
        />
        <ul className="fr-links-group fr-mt-4w">
          <li>
            <Link className="fr-link" href="/identifiant-oublie">
              Identifiant oublié
            </Link>
          </li>
          <li>
            <BackLink href="/connexion">Retour à la connexion</BackLink>
          </li>
        </ul>
      </div>
    </div>
  );
}
