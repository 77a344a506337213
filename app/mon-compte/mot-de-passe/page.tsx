import type { Metadata } from "next";
import { CallOut } from "@codegouvfr/react-dsfr/CallOut";
import { LogoutButton } from "@/components/layout/logout-button";
import { requireSession } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Changer de mot de passe" };

// Where a person lands when the Caf has required a password change: nothing else opens until it is done.
export default async function ChangementMotDePassePage() {
  await requireSession({ step: "changement-mot-de-passe" });
  return (
    <div className="fr-col-12 fr-col-md-8">
      <h1>Changer de mot de passe</h1>
      <CallOut titleAs="h2" title="Votre Caf vous demande de changer de mot de passe">
        Par sécurité, vous devez choisir un nouveau mot de passe avant d&apos;utiliser votre espace. Ce changement n&apos;est
        pas encore possible en ligne : contactez votre Caf, qui vous aidera à le faire.
      </CallOut>
      <LogoutButton className="fr-btn fr-btn--secondary" />
    </div>
  );
}
