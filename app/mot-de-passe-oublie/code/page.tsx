import type { Metadata } from "next";
import { BackLink } from "@/components/layout/back-link";
import { requireAnonymous, requireRecoveryStep } from "@/lib/auth/guards";
import { formatMobileForDisplay } from "@/lib/identity/mobile";
import { codeValiditySentence } from "@/lib/verification/code-messages";
import { CodeStepForm } from "../_components/code-step-form";
import { RecoveryStepper } from "../_components/recovery-stepper";

export const metadata: Metadata = { title: "Saisir le code — Mot de passe oublié" };

export default async function CodePage() {
  await requireAnonymous();
  const state = await requireRecoveryStep("code");
  const code = state.code!; // the "code" step is the one that holds it
  const { canal, cible } = code;
  // The contact detail exactly as the person typed it a moment ago (nothing it did not know), so that a typing
  // mistake shows; the same page whether or not it matched an account.
  const destination = canal === "SMS" ? `par SMS au ${formatMobileForDisplay(cible)}` : `par courriel à ${cible}`;
  return (
    <div className="fr-grid-row fr-grid-row--center">
      <div className="fr-col-12 fr-col-md-8 fr-col-lg-6">
        <h1>Mot de passe oublié</h1>
        <RecoveryStepper step={2} />
        <p>
          Si l&apos;identifiant et la coordonnée saisis correspondent à un compte, nous venons d&apos;envoyer un code de vérification à 6
          chiffres {destination}. Saisissez-le ci-dessous.
        </p>
        <CodeStepForm canal={canal} nouveauxCodesRestants={code.nouveauxCodesRestants} validite={codeValiditySentence(new Date(code.expireLe))} />
        <p className="fr-mt-4w">
          <BackLink href="/connexion">Retour à la connexion</BackLink>
        </p>
      </div>
    </div>
  );
}
