import type { Metadata } from "next";
import { BackLink } from "@/components/layout/back-link";
import { redirect } from "next/navigation";
import { readPasswordRecovery, recoveryStep } from "@/lib/auth/recovery/recovery-cookie";
import { NewPasswordStepForm } from "../_components/new-password-step-form";
import { RecoveryStepper } from "../_components/recovery-stepper";

export const metadata: Metadata = { title: "Nouveau mot de passe — Mot de passe oublié" };

export default async function NouveauMotDePassePage() {
  const state = await readPasswordRecovery();
  if (!state || recoveryStep(state) !== "nouveau-mot-de-passe") redirect("/mot-de-passe-oublie?raison=expiree");
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
