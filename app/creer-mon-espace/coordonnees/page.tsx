import type { Metadata } from "next";
import Link from "next/link";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { displayContact } from "@/lib/contacts/contact-details";
import { maskEmail } from "@/lib/identity/email";
import { maskMobile } from "@/lib/identity/mobile";
import { codeSentMessage } from "@/lib/verification/code-messages";
import { CreationFrame } from "../_components/frame";
import { CodeForm, CoordonneesForm, ResendForm } from "../_components/coordonnees-forms";
import { openDraftStep } from "../_lib/draft-session";

export const metadata: Metadata = { title: "Créer mon espace — vos coordonnées" };

export default async function CoordonneesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { modifier, confirme } = await searchParams;
  const { brouillon } = await openDraftStep("coordonnees");
  const c = brouillon.coordonnees;
  const pending = !c || modifier ? null : c.email && !c.email.confirmee ? ("EMAIL" as const) : c.mobile && !c.mobile.confirmee ? ("SMS" as const) : null;
  return (
    <CreationFrame etape="coordonnees">
      {pending && c ? (
        <>
          {confirme && <Alert severity="success" small className="fr-mb-3w" description="Votre adresse électronique est confirmée. Il reste votre mobile." />}
          <h2 className="fr-h4">{pending === "EMAIL" ? "Confirmez votre adresse électronique" : "Confirmez votre numéro de mobile"}</h2>
          <p>{codeSentMessage(pending, pending === "EMAIL" ? maskEmail(c.email!.valeur) : maskMobile(c.mobile!.valeur))}</p>
          <CodeForm canal={pending} />
          <ResendForm canal={pending} />
          <Link className="fr-link" href="/creer-mon-espace/coordonnees?modifier=1">
            Modifier mes coordonnées
          </Link>
        </>
      ) : (
        <>
          <p>
            Indiquez une adresse électronique, un numéro de mobile, ou les deux : au moins l&apos;un des deux est nécessaire. Nous y
            enverrons un code pour vérifier qu&apos;ils sont bien à vous, puis votre identifiant de connexion.
          </p>
          <CoordonneesForm email={c?.email ? c.email.valeur : ""} mobile={c?.mobile ? displayContact("MOBILE", c.mobile.valeur) : ""} />
        </>
      )}
    </CreationFrame>
  );
}
