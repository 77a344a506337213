// How to reach the Caf when the portal cannot help: the national number (and what a call costs), the contact page,
// the accueil; and, where it matters, where the dossier's 8-digit password comes from. One text for every page
// that sends people to their Caf, so that none says "the number on your courriers" to someone who has none.
import type { ReactNode } from "react";

/** The Caf's national number, as people dial it and as it is read. */
export const CAF_PHONE = { dial: "3230", shown: "32 30" } as const;
export const CAF_CONTACT_URL = "https://www.caf.fr/nous-contacter";

/** Where the dossier password comes from, and what to do without it: one sentence, reused. */
export const DOSSIER_PASSWORD_ORIGIN =
  "Le mot de passe à 8 chiffres de votre dossier vous a été envoyé par la Caf, par courrier, à l'ouverture de votre dossier ; il figure aussi sur certains de ses courriers. Si vous ne l'avez plus, connectez-vous avec FranceConnect ou appelez le 32 30 : la Caf vous en enverra un nouveau par courrier.";

export function CafContactHelp({
  title = "Contacter votre Caf",
  titleAs: Title = "h2",
  intro,
  dossierPassword = false,
  id = "aide-caf",
}: {
  title?: string;
  titleAs?: "h2" | "h3";
  /** A sentence before the ways to reach the Caf (why to call). */
  intro?: ReactNode;
  /** Also say where the dossier's 8-digit password comes from. */
  dossierPassword?: boolean;
  id?: string;
}) {
  return (
    <section aria-labelledby={`${id}-titre`} className="fr-mt-4w" id={id}>
      <Title id={`${id}-titre`} className="fr-h5">
        {title}
      </Title>
      {intro && <p>{intro}</p>}
      {dossierPassword && <p>{DOSSIER_PASSWORD_ORIGIN}</p>}
      <ul>
        <li>
          Par téléphone au <a href={`tel:${CAF_PHONE.dial}`}>{CAF_PHONE.shown}</a> : l&apos;appel coûte le prix d&apos;un appel
          ordinaire, le service lui-même est gratuit.
        </li>
        <li>
          En ligne, sur la page{" "}
          <a href={CAF_CONTACT_URL} rel="noopener">
            « Nous contacter » du site caf.fr
          </a>
          .
        </li>
        <li>À l&apos;accueil de votre Caf.</li>
      </ul>
    </section>
  );
}
