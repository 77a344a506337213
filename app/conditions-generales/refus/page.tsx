import type { Metadata } from "next";
import Link from "next/link";
import { CallOut } from "@codegouvfr/react-dsfr/CallOut";
import { LogoutButton } from "@/components/layout/logout-button";
import { requireSession } from "@/lib/auth/guards";
import { CGU_ACCEPTANCE_PATH } from "@/lib/auth/session";
import { logout } from "@/app/deconnexion/actions";

export const metadata: Metadata = { title: "Conditions d'utilisation refusées" };

// After "Refuser": what it means, and the way back to accept at any time.
export default async function CguRefusedPage() {
  const session = await requireSession({ step: ["espace", "premiere-connexion"], cgu: false });
  const back = session.etape === "premiere-connexion" ? "/premiere-connexion/conditions" : CGU_ACCEPTANCE_PATH;
  return (
    <div className="fr-grid-row fr-grid-row--center">
      <div className="fr-col-12 fr-col-md-8">
        <h1>Vous avez refusé les conditions d&apos;utilisation</h1>
        <CallOut titleAs="h2" title="Votre espace reste fermé tant que les conditions ne sont pas acceptées">
          Sans votre accord sur les conditions générales d&apos;utilisation, vous ne pouvez pas utiliser Mon Compte. Refuser ne
          change rien à votre dossier auprès de la Caf : seul l&apos;accès en ligne reste fermé. Vous pouvez revenir accepter les
          conditions à tout moment, ou contacter votre Caf pour toute question.
        </CallOut>
        <ul className="fr-btns-group fr-btns-group--inline-md fr-mt-4w">
          <li>
            <Link className="fr-btn" href={back}>
              Relire et accepter les conditions
            </Link>
          </li>
          <li>
            <LogoutButton action={logout} className="fr-btn fr-btn--secondary" />
          </li>
        </ul>
      </div>
    </div>
  );
}
