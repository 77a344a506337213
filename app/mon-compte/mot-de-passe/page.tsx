import type { Metadata } from "next";
import { BackLink } from "@/components/layout/back-link";
import { CallOut } from "@codegouvfr/react-dsfr/CallOut";
import { LogoutButton } from "@/components/layout/logout-button";
import { logout } from "@/app/deconnexion/actions";
import { PASSWORD_CHANGE_STEPS, requireSession } from "@/lib/auth/session";
import { ChangePasswordForm } from "./_components/change-password-form";

export const metadata: Metadata = { title: "Changer mon mot de passe" };

// Two ways in: from the tableau de bord (session step "espace"), or because the Caf required a new password
// (step "changement-mot-de-passe": nothing else opens until it is done). The action uses the same guard, CGU
// acceptance included.
export default async function ChangementMotDePassePage() {
  const session = await requireSession({ step: PASSWORD_CHANGE_STEPS });
  const required = session.etape === "changement-mot-de-passe";

  return (
    <div className="fr-grid-row">
      <div className="fr-col-12 fr-col-md-8 fr-col-lg-6">
        <h1>Changer mon mot de passe</h1>
        {required ? (
          <CallOut titleAs="h2" title="Votre Caf vous demande de changer de mot de passe" className="fr-mb-4w">
            Par sécurité, choisissez un nouveau mot de passe avant d&apos;utiliser votre espace.
          </CallOut>
        ) : (
          <p>
            Après le changement, vos autres sessions ouvertes (sur un autre appareil ou un autre navigateur) seront fermées, et un
            message vous le confirmera sur vos coordonnées vérifiées.
          </p>
        )}
        <p className="fr-text--sm">Tous les champs sont obligatoires.</p>
        <ChangePasswordForm />
        <div className="fr-mt-6w">
          {required ? (
            <LogoutButton action={logout} className="fr-btn fr-btn--secondary" />
          ) : (
            <BackLink href="/tableau-de-bord">Retour au tableau de bord</BackLink>
          )}
        </div>
      </div>
    </div>
  );
}
