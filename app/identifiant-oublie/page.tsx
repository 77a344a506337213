import type { Metadata } from "next";
import { requireAnonymous } from "@/lib/auth/guards";
import Link from "next/link";
import { BackLink } from "@/components/layout/back-link";
import { CafContactHelp } from "@/components/help/caf-contact-help";
import { IdentifierRecoveryForm } from "./_components/identifier-recovery-form";

export const metadata: Metadata = { title: "Identifiant oublié" };

export default async function IdentifiantOubliePage() {
  await requireAnonymous();
  return (
    <div className="fr-grid-row fr-grid-row--center">
      <div className="fr-col-12 fr-col-md-8 fr-col-lg-6">
        <h1>Identifiant oublié</h1>
        <p>
          Votre identifiant est votre numéro de sécurité sociale, inscrit sur votre carte Vitale, ou, si vous n&apos;en avez pas, un
          identifiant provisoire (la lettre P suivie de 8 chiffres). Pour le recevoir, renseignez les informations ci-dessous : nous
          l&apos;enverrons à l&apos;adresse électronique ou au mobile indiqué, s&apos;il a été confirmé dans votre espace.
        </p>
        <p className="fr-text--sm">Tous les champs sont obligatoires.</p>
        <IdentifierRecoveryForm />
        <CafContactHelp intro="Sans adresse électronique ni mobile confirmé dans votre espace, ou sans message au bout de quelques minutes, la Caf peut vous aider." />
        <ul className="fr-links-group fr-mt-4w">
          <li>
            <Link className="fr-link" href="/mot-de-passe-oublie">
              Mot de passe oublié
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
