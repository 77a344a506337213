import type { Metadata } from "next";
import Link from "next/link";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { CallOut } from "@codegouvfr/react-dsfr/CallOut";
import { BackLink } from "@/components/layout/back-link";
import { requireCanActFor } from "@/lib/access/require-can-act-for";
import { formatDateFr } from "@/lib/auth/format-date";
import { appConfig, fieldKeysOf } from "@/lib/config/app-config";
import { codeRecipients, currentBankDetails } from "@/lib/coordonnees-bancaires/bank-details-service";
import { db } from "@/lib/db/client";
import { BankDetailsForm } from "./_components/bank-details-form";

export const metadata: Metadata = { title: "Coordonnées bancaires" };

// The dossier's bank details: what is on file (never the whole IBAN), and the form for new ones. Open to whoever may
// do démarches on the dossier (allocataire, conjoint with délégation, conjoint allocataire); anyone else gets
// "page introuvable".
export default async function CoordonneesBancairesPage({
  params,
  searchParams,
}: {
  params: Promise<{ numero: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { numero } = await params;
  const { grant } = await requireCanActFor(numero, "FAIRE_DEMARCHES");
  const prisma = await db();
  const [current, recipients] = await Promise.all([currentBankDetails(prisma, grant), codeRecipients(prisma, fieldKeysOf(appConfig()), grant)]);
  const modifiees = (await searchParams).modifiees === "1";
  const dossier = grant.dossier.numeroAllocataire;

  return (
    <div className="fr-grid-row">
      <div className="fr-col-12 fr-col-md-10 fr-col-lg-8">
        <h1>Coordonnées bancaires</h1>
        <p>Dossier n° {dossier}. Le compte sur lequel la Caf verse les prestations du foyer.</p>
        {modifiees && (
          <Alert
            severity="success"
            as="h2"
            className="fr-mb-4w"
            title="Les nouvelles coordonnées bancaires sont enregistrées"
            description="Les prochains paiements seront versés sur ce compte. L'allocataire du dossier en est averti sur ses coordonnées confirmées."
          />
        )}
        <h2 className="fr-h4">Compte enregistré</h2>
        {current ? (
          <dl className="fr-mb-4w">
            <dt className="fr-text--bold fr-mb-0">Titulaire</dt>
            <dd className="fr-ml-0 fr-mb-2w">{current.titulaire}</dd>
            <dt className="fr-text--bold fr-mb-0">IBAN</dt>
            <dd className="fr-ml-0 fr-mb-2w">
              Compte en {current.paysNom}, IBAN se terminant par <span className="fr-text--bold">{current.ibanFin}</span>
            </dd>
            <dt className="fr-text--bold fr-mb-0">BIC</dt>
            <dd className="fr-ml-0 fr-mb-2w">{current.bic}</dd>
            <dt className="fr-text--bold fr-mb-0">Enregistré le</dt>
            <dd className="fr-ml-0 fr-mb-2w">{formatDateFr(current.enregistreesLe)}</dd>
          </dl>
        ) : (
          <p>Aucune coordonnée bancaire n&apos;est enregistrée sur Mon Compte pour ce dossier.</p>
        )}

        <h2 className="fr-h4">Nouvelles coordonnées bancaires</h2>
        {recipients.length === 0 ? (
          <CallOut titleAs="h3" title="Confirmez d'abord une adresse électronique ou un numéro de mobile" className="fr-mb-4w">
            Par sécurité, un changement de coordonnées bancaires se valide avec un code envoyé sur une coordonnée que vous avez
            confirmée. Vous n&apos;en avez pas encore : <Link href="/mon-compte/coordonnees">confirmez votre adresse électronique ou votre numéro de mobile</Link>,
            puis revenez sur cette page.
          </CallOut>
        ) : (
          <>
            <p>
              Un code de sécurité vous sera envoyé pour valider le changement. L&apos;allocataire du dossier sera averti du changement sur
              ses coordonnées confirmées.
            </p>
            <p className="fr-text--sm">Tous les champs sont obligatoires. Seuls les comptes de la zone SEPA sont acceptés.</p>
            <BankDetailsForm numero={dossier} recipients={recipients} />
          </>
        )}
        <p className="fr-mt-6w">
          <BackLink href="/tableau-de-bord">Retour au tableau de bord</BackLink>
        </p>
      </div>
    </div>
  );
}
