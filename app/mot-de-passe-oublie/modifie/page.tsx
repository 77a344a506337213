import type { Metadata } from "next";
import Link from "next/link";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { CafContactHelp } from "@/components/help/caf-contact-help";
import { requireAnonymous, requireRecoveryStep } from "@/lib/auth/guards";

export const metadata: Metadata = { title: "Mot de passe modifié" };

export default async function MotDePasseModifiePage() {
  await requireAnonymous();
  const termine = (await requireRecoveryStep("termine")).termine!;
  return (
    <div className="fr-grid-row fr-grid-row--center">
      <div className="fr-col-12 fr-col-md-8 fr-col-lg-6">
        <h1>Votre mot de passe a été modifié</h1>
        {termine.suspendu ? (
          <Alert
            severity="warning"
            title="Votre espace reste suspendu"
            className="fr-mb-4w"
            description="Votre nouveau mot de passe est enregistré, mais votre Caf a suspendu l'accès à votre espace : vous ne pourrez pas vous connecter tant qu'elle ne l'aura pas rétabli. Contactez votre Caf : ses coordonnées sont ci-dessous."
          />
        ) : (
          <p>Vous pouvez dès maintenant vous connecter avec votre nouveau mot de passe.</p>
        )}
        <p>
          Par sécurité, toutes les sessions ouvertes sur votre espace ont été fermées, y compris sur vos autres appareils. Un message
          vous confirme ce changement sur chacune de vos coordonnées confirmées.
        </p>
        <Link className="fr-btn" href="/connexion">
          Aller à la page de connexion
        </Link>
        {termine.suspendu && <CafContactHelp />}
      </div>
    </div>
  );
}
