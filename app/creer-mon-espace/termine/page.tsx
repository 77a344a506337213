import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { decideNir } from "@/lib/creer-mon-espace/nir-check";
import { db } from "@/lib/db/client";
import { currentDraft } from "../_lib/draft-session";

export const metadata: Metadata = { title: "Votre espace est créé" };

export default async function TerminePage() {
  const draft = await currentDraft();
  if (!draft?.termineLe || !draft.personneId) redirect("/creer-mon-espace");
  const personne = await (await db()).personne.findUnique({
    where: { id: draft.personneId },
    select: { identifiantProvisoire: true, identifiantProvisoireRetireLe: true, nirEmpreinte: true, compte: { select: { motDePasseHash: true } } },
  });
  if (!personne) redirect("/creer-mon-espace");
  const { identite, naissance, numero } = draft.brouillon;
  const decision = numero?.aUnNir && identite && naissance ? decideNir(numero.nir, identite, naissance) : null;
  const provisoire = personne.identifiantProvisoireRetireLe ? null : personne.identifiantProvisoire;
  return (
    <div className="fr-grid-row fr-grid-row--center">
      <div className="fr-col-12 fr-col-md-10 fr-col-lg-8">
        <h1>Votre espace est créé</h1>
        {provisoire ? (
          <>
            {decision && !decision.ok && (
              <Alert
                severity="warning"
                as="h2"
                title="Votre numéro de sécurité sociale n'a pas été retenu"
                description={`Il ne correspond pas à l'identité que vous avez indiquée : ${decision.raisons.join(" ")} Votre espace a donc un identifiant provisoire. La Caf vérifiera votre numéro ; quand il sera enregistré, vous vous connecterez avec lui et nous vous préviendrons.`}
                className="fr-mb-4w"
              />
            )}
            <p>Votre identifiant de connexion provisoire est :</p>
            <p className="fr-h2" id="identifiant-provisoire">
              {provisoire}
            </p>
            <p>
              Notez-le : il vous sera demandé à chaque connexion, avec votre mot de passe. Nous venons aussi de vous l&apos;envoyer par
              courriel et par SMS, sur les coordonnées que vous avez confirmées.
            </p>
          </>
        ) : (
          <p>Vous vous connecterez avec votre numéro de sécurité sociale et le mot de passe que vous allez choisir.</p>
        )}
        {personne.compte?.motDePasseHash ? (
          <Link className="fr-btn" href="/connexion">
            Se connecter
          </Link>
        ) : (
          <>
            <p>Il reste deux étapes : accepter les conditions générales d&apos;utilisation, puis choisir votre mot de passe.</p>
            <Link className="fr-btn" href="/premiere-connexion">
              Continuer
            </Link>
          </>
        )}
      </div>
    </div>
  );
}
