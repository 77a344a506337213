import type { Metadata } from "next";
import { BackLink } from "@/components/layout/back-link";
import { requireAnonymous, requireRecoveryStep } from "@/lib/auth/guards";
import { NewPasswordStepForm } from "../_components/new-password-step-form";
import { RecoveryStepper } from "../_components/recovery-stepper";

export const metadata: Metadata = { title: "Nouveau mot de passe — Mot de passe oublié" };

export default async function NouveauMotDePassePage() {
  await requireAnonymous();
  await requireRecoveryStep("nouveau-mot-de-passe");
  return (
    <div className="fr-grid-row fr-grid-row--center">
      <div className="fr-col-12 fr-col-md-8 fr-col-lg-6">
        <h1>Mot de passe oublié</h1>
        <RecoveryStepper step={3} />
        <p>
          Le code est correct. Choisissez maintenant votre nouveau mot de passe : il remplacera l&apos;ancien, et toutes les sessions
          ouvertes sur votre espace seront fermées.
        </p>
        <NewPasswordStepForm />
        <p className="fr-mt-4w">
          <BackLink href="/connexion">Retour à la connexion</BackLink>
        </p>
      </div>
    </div>
  );
}
