import type { Metadata } from "next";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { appConfig, fieldKeysOf } from "@/lib/config/app-config";
import { displayContact, lostContactsNotice, readContacts } from "@/lib/contacts/contact-details";
import { db } from "@/lib/db/client";
import { WizardFrame } from "../_components/wizard-frame";
import { ContactsForm } from "../_components/contacts-form";
import { openWizardStep } from "../_lib/open-step";

export const metadata: Metadata = { title: "Première connexion — coordonnées" };

export default async function ContactsStepPage() {
  const { session, state } = await openWizardStep("coordonnees");
  const database = await db();
  const [contacts, lostNotice] = await Promise.all([
    readContacts(database, fieldKeysOf(appConfig()), session.personneId),
    lostContactsNotice(database, session.personneId),
  ]);
  return (
    <WizardFrame progress={state} step="coordonnees">
      {lostNotice && <Alert severity="warning" small description={lostNotice} className="fr-mb-4w" />}
      <p>
        Indiquez une adresse électronique, un numéro de mobile, ou les deux : au moins l&apos;un des deux est nécessaire pour vous
        joindre et vous aider si vous oubliez votre mot de passe. Ce sont vos coordonnées personnelles : une fois confirmées,
        une autre personne ne peut pas utiliser les mêmes.
      </p>
      {(contacts.EMAIL || contacts.MOBILE) && <p>Nous avons prérempli ce que votre dossier contient déjà : vérifiez-le et corrigez-le si besoin.</p>}
      <ContactsForm
        email={contacts.EMAIL ? displayContact("EMAIL", contacts.EMAIL.value) : ""}
        mobile={contacts.MOBILE ? displayContact("MOBILE", contacts.MOBILE.value) : ""}
      />
    </WizardFrame>
  );
}
