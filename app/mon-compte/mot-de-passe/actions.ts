"use server";
// Password change form action. Open to a person in their space and to a person whose account the Caf flagged
// (session step "changement-mot-de-passe"); the checks and the change happen in changePassword, this action
// turns the outcome into a message, or re-opens the session with the new session version and goes to the
// tableau de bord.
import { redirect } from "next/navigation";
import { changePassword, type ChangePasswordField } from "@/lib/auth/change-password";
import { clientAddress } from "@/lib/auth/client-address";
import { formatLockoutEnd } from "@/lib/auth/login-throttle";
import { PASSWORD_CHANGE_STEPS, openSession, requireSession } from "@/lib/auth/session";
import { appConfig, fieldKeysOf } from "@/lib/config/app-config";
import { db } from "@/lib/db/client";
import { passwordValuesToKeep, type PasswordFormState } from "@/lib/forms/password-form-state";
import { deliverPasswordChangedNotices } from "@/lib/auth/password-replacement";
import { messagingConfig } from "@/lib/messaging/messaging-config";
import { createTransports } from "@/lib/messaging/transports";

export async function submitPasswordChange(
  _previous: PasswordFormState<ChangePasswordField>,
  formData: FormData,
): Promise<PasswordFormState<ChangePasswordField>> {
  const session = await requireSession({ step: PASSWORD_CHANGE_STEPS });
  const keys = fieldKeysOf(appConfig());
  const prisma = await db();
  const submitted = {
    motDePasseActuel: formData.get("motDePasseActuel"),
    nouveauMotDePasse: formData.get("nouveauMotDePasse"),
    confirmation: formData.get("confirmation"),
  };
  const outcome = await changePassword(prisma, keys, { compteId: session.sub, personneId: session.personneId, ...submitted, ip: await clientAddress() });
  if (!outcome.ok) {
    switch (outcome.reason) {
      case "SAISIE_INVALIDE":
        // What the server accepted comes back in the fields (the current password only once verified right); the
        // rest is typed again (lib/forms/password-form-state.ts). After any other refusal, the form comes back empty.
        return {
          status: "error",
          message: "Votre mot de passe n'a pas été modifié : le formulaire contient des erreurs.",
          fieldErrors: outcome.fieldErrors,
          reglesNonRespectees: outcome.reglesNonRespectees,
          values: passwordValuesToKeep(submitted, outcome.fieldErrors, { confirmation: "nouveauMotDePasse" }),
        };
      case "LIMITE_ATTEINTE":
        return {
          status: "error",
          message: `Trop de mots de passe actuels incorrects. Par sécurité, réessayez après ${formatLockoutEnd(outcome.until)}. En cas d'oubli, déconnectez-vous et utilisez « Mot de passe oublié ».`,
        };
      case "COMPTE_INDISPONIBLE":
        return {
          status: "error",
          message: "Votre mot de passe n'a pas été modifié : votre compte a changé entre-temps (par exemple depuis un autre appareil). Reconnectez-vous, puis recommencez.",
        };
    }
  }

  // The change is committed: the notices go now, or later from the outbox if the provider is down.
  await deliverPasswordChangedNotices(prisma, keys, createTransports(messagingConfig()), outcome.notifications);
  await openSession({
    sub: session.sub,
    personneId: session.personneId,
    versionSession: outcome.versionSession,
    methode: session.methode,
    etape: "espace",
    connexionPrecedente: session.connexionPrecedente,
  });
  redirect("/tableau-de-bord?mot-de-passe=modifie");
}
