import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Badge } from "@codegouvfr/react-dsfr/Badge";
import { appConfig, fieldKeysOf } from "@/lib/config/app-config";
import { canalOf, displayContact, readContacts, type StoredContact } from "@/lib/contacts/contact-details";
import { db } from "@/lib/db/client";
import { WizardFrame } from "../../_components/wizard-frame";
import { ConfirmNowForm, FinishContactsForm } from "../../_components/confirmation-forms";
import { openWizardStep } from "../../_lib/open-step";

export const metadata: Metadata = { title: "Première connexion — confirmer vos coordonnées" };

const LABELS = { EMAIL: "Adresse électronique", MOBILE: "Numéro de mobile" } as const;

export default async function ContactConfirmationPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { session, state } = await openWizardStep("coordonnees");
  const contacts = await readContacts(await db(), fieldKeysOf(appConfig()), session.personneId);
  const list = [contacts.EMAIL, contacts.MOBILE].filter((c): c is StoredContact => c !== undefined);
  if (list.length === 0) redirect("/premiere-connexion/coordonnees");
  const confirme = (await searchParams).confirme;
  const allConfirmed = list.every((c) => c.verifiee);
  return (
    <WizardFrame progress={state} step="coordonnees">
      {(confirme === "sms" || confirme === "email") && (
        <Alert
          severity="success"
          small
          className="fr-mb-3w"
          description={confirme === "sms" ? "Votre numéro de mobile est confirmé." : "Votre adresse électronique est confirmée."}
        />
      )}
      <p>
        Vos coordonnées sont enregistrées. Nous vous conseillons de les confirmer : nous vous envoyons un code à 6 chiffres, que vous
        saisissez ici. Une coordonnée confirmée vous permet de retrouver votre identifiant ou votre mot de passe, et de protéger votre
        compte. Vous pouvez aussi le faire plus tard.
      </p>
      <ul className="fr-raw-list fr-mb-4w">
        {list.map((contact) => (
          <li key={contact.type} className="fr-p-2w fr-mb-2w" style={{ border: "1px solid var(--border-default-grey)" }}>
            <p className="fr-mb-1w">
              <strong>{LABELS[contact.type]}</strong> : {displayContact(contact.type, contact.value)}{" "}
              {contact.verifiee ? (
                <Badge severity="success" small>
                  Confirmée
                </Badge>
              ) : (
                <Badge severity="warning" small>
                  Non confirmée
                </Badge>
              )}
            </p>
            {!contact.verifiee && (
              <ConfirmNowForm
                canal={canalOf(contact.type)}
                label={`Confirmer maintenant mon ${contact.type === "MOBILE" ? "numéro de mobile" : "adresse électronique"}`}
              />
            )}
          </li>
        ))}
      </ul>
      <FinishContactsForm allConfirmed={allConfirmed} />
      <p className="fr-mt-3w">
        <Link className="fr-link fr-icon-edit-line fr-link--icon-left" href="/premiere-connexion/coordonnees">
          Modifier mes coordonnées
        </Link>
      </p>
    </WizardFrame>
  );
}
