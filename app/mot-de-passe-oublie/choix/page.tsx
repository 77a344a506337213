import type { Metadata } from "next";
import Link from "next/link";
import { BackLink } from "@/components/layout/back-link";
import { redirect } from "next/navigation";
import { CallOut } from "@codegouvfr/react-dsfr/CallOut";
import { recoveryChannels } from "@/lib/auth/recovery/password-recovery";
import { readPasswordRecovery, recoveryStep } from "@/lib/auth/recovery/recovery-cookie";
import { appConfig, fieldKeysOf } from "@/lib/config/app-config";
import { db } from "@/lib/db/client";
import { ChannelStepForm } from "../_components/channel-step-form";
import { RecoveryStepper } from "../_components/recovery-stepper";

export const metadata: Metadata = { title: "Recevoir un code — Mot de passe oublié" };

// The same screen whether or not the identifier exists: only the list of choices differs, and it is empty for an
// unknown identifier as for an account that cannot receive a code.
export default async function ChoixPage() {
  const state = await readPasswordRecovery();
  if (!state || recoveryStep(state) === "termine") redirect("/mot-de-passe-oublie?raison=expiree");
  const channels = await recoveryChannels(await db(), fieldKeysOf(appConfig()), state.personneId);
  return (
    <div className="fr-grid-row fr-grid-row--center">
      <div className="fr-col-12 fr-col-md-8 fr-col-lg-6">
        <h1>Mot de passe oublié</h1>
        <RecoveryStepper step={2} />
        <p>Si un compte correspond à cet identifiant, choisissez où recevoir un code de vérification à 6 chiffres.</p>
        {channels.length > 0 ? (
          <>
            <ChannelStepForm channels={channels} />
            <p className="fr-mt-4w">Ces coordonnées ne sont plus les vôtres ? Contactez votre Caf.</p>
          </>
        ) : (
          <CallOut titleAs="h2" title="Aucun code ne peut être envoyé en ligne">
            Nous ne pouvons pas vous envoyer de code pour cet identifiant. Vérifiez l&apos;identifiant saisi, ou contactez votre
            Caf, à l&apos;accueil ou par téléphone au numéro indiqué sur vos courriers : elle vous aidera à retrouver l&apos;accès à
            votre espace.
          </CallOut>
        )}
        <ul className="fr-links-group fr-mt-4w">
          <li>
            <Link className="fr-link" href="/mot-de-passe-oublie">
              Saisir un autre identifiant
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
