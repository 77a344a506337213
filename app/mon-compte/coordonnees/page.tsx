import type { Metadata } from "next";
import Link from "next/link";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Badge } from "@codegouvfr/react-dsfr/Badge";
import { BackLink } from "@/components/layout/back-link";
import { SOI, requireCanActFor } from "@/lib/access/require-can-act-for";
import { appConfig, fieldKeysOf } from "@/lib/config/app-config";
import { readOwnContacts, type ContactLine } from "@/lib/contacts/contact-change";
import { db } from "@/lib/db/client";
import { ContactButtonForm } from "./_components/contact-button-form";
import { ContactChangeForm } from "./_components/contact-change-form";

export const metadata: Metadata = { title: "Mes coordonnées" };

const NOM = { EMAIL: "adresse électronique", MOBILE: "numéro de mobile" } as const;

const DONE: Record<string, Record<string, string>> = {
  confirme: {
    email: "Votre nouvelle adresse électronique est confirmée : elle remplace la précédente, qui a reçu un message l'informant du changement.",
    mobile: "Votre nouveau numéro de mobile est confirmé : il remplace le précédent, qui a reçu un message l'informant du changement.",
  },
  annule: { email: "Le changement d'adresse électronique est annulé.", mobile: "Le changement de numéro de mobile est annulé." },
  retire: { email: "Votre adresse électronique est retirée de votre espace.", mobile: "Votre numéro de mobile est retiré de votre espace." },
};

function doneMessage(params: Record<string, string | string[] | undefined>): string | null {
  for (const key of Object.keys(DONE)) {
    const value = params[key];
    if (typeof value === "string" && DONE[key]![value]) return DONE[key]![value]!;
  }
  return null;
}

export default async function CoordonneesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { grant } = await requireCanActFor(SOI, "MODIFIER_SES_COORDONNEES");
  const lines = await readOwnContacts(await db(), fieldKeysOf(appConfig()), grant);
  const done = doneMessage(await searchParams);
  const confirmedCount = [lines.EMAIL, lines.MOBILE].filter((l) => l.actuelle?.verifiee).length;
  return (
    <div className="fr-grid-row">
      <div className="fr-col-12 fr-col-md-10 fr-col-lg-8">
        <h1>Mes coordonnées</h1>
        {done && <Alert severity="success" small className="fr-mb-4w" description={done} />}
        <p>
          Votre adresse électronique et votre numéro de mobile confirmés reçoivent vos codes de connexion, vos codes pour retrouver
          votre mot de passe et nos messages. Une nouvelle coordonnée ne remplace l&apos;actuelle qu&apos;une fois confirmée par le
          code que nous lui envoyons ; l&apos;ancienne reçoit alors un message qui l&apos;informe du changement.
        </p>
        {([lines.EMAIL, lines.MOBILE] as const).map((line) => (
          <ContactSection key={line.type} line={line} canRemoveConfirmed={confirmedCount > 1} />
        ))}
        <div className="fr-mt-6w">
          <BackLink href="/tableau-de-bord">Retour au tableau de bord</BackLink>
        </div>
      </div>
    </div>
  );
}

function ContactSection({ line, canRemoveConfirmed }: { line: ContactLine; canRemoveConfirmed: boolean }) {
  const nom = NOM[line.type];
  const feminine = line.type === "EMAIL";
  const slug = line.type === "EMAIL" ? "email" : "mobile";
  const titleId = `titre-${slug}`;
  return (
    <section aria-labelledby={titleId} className="fr-mt-6w">
      <h2 id={titleId} className="fr-h4">
        {feminine ? "Adresse électronique" : "Numéro de mobile"}
      </h2>
      {line.actuelle ? (
        <p>
          <span className="fr-text--bold">{line.actuelle.affichee}</span>{" "}
          {line.actuelle.verifiee ? (
            <Badge severity="success" small>
              {feminine ? "Confirmée" : "Confirmé"}
            </Badge>
          ) : (
            <Badge severity="warning" small>
              {feminine ? "Non confirmée" : "Non confirmé"}
            </Badge>
          )}
        </p>
      ) : (
        <p>Aucun{feminine ? "e" : ""} {nom} dans votre espace.</p>
      )}
      {line.actuelle && !line.actuelle.verifiee && (
        <p className="fr-text--sm">
          {feminine ? "Cette adresse n'est pas confirmée" : "Ce numéro n'est pas confirmé"} : il ne reçoit ni vos codes ni nos messages.
          Pour {feminine ? "la" : "le"} confirmer, saisissez-{feminine ? "la" : "le"} ci-dessous : un code vous sera envoyé.
        </p>
      )}
      {line.enAttente && (
        <Alert
          severity="info"
          small
          className="fr-mb-3w"
          description={
            <>
              Changement en attente de confirmation : {line.enAttente.affichee}. Tant que vous n&apos;avez pas saisi le code reçu,{" "}
              {line.actuelle?.verifiee ? `votre ${nom} actuel${feminine ? "le" : ""} reste en vigueur` : "il ne compte pas"}.{" "}
              <Link href={`/mon-compte/coordonnees/code?coordonnee=${slug}`}>Saisir le code reçu</Link>
            </>
          }
        />
      )}
      {line.enAttente && <ContactButtonForm type={line.type} intent="annuler" label="Annuler ce changement" />}
      <div className="fr-mt-3w">
        <ContactChangeForm type={line.type} hasValue={!!line.actuelle} />
      </div>
      {line.actuelle && (line.actuelle.verifiee ? canRemoveConfirmed : true) && (
        <ContactButtonForm type={line.type} intent="retirer" label={feminine ? "Retirer cette adresse électronique" : "Retirer ce numéro de mobile"} />
      )}
      {line.actuelle?.verifiee && !canRemoveConfirmed && (
        <p className="fr-text--sm fr-mt-2w">
          {feminine ? "Cette adresse est votre seule coordonnée confirmée" : "Ce numéro est votre seule coordonnée confirmée"} : vous pouvez
          {feminine ? " la" : " le"} remplacer, mais pas {feminine ? "la" : "le"} retirer.
        </p>
      )}
    </section>
  );
}
