// Notices about a person's own contact details, sent to the confirmed value that is being replaced or removed: the
// person learns of the change where they could still read it, and can react if it was not them. No link, no value.
import { email, formatDateHeure, type MessageContent } from "./templates";

type Coordonnee = "EMAIL" | "MOBILE";

const LIBELLE: Record<Coordonnee, { nom: string; sms: string }> = {
  EMAIL: { nom: "L'adresse électronique", sms: "adresse électronique" },
  MOBILE: { nom: "Le numéro de mobile", sms: "numéro de mobile" },
};

const NOT_YOU =
  "Si ce n'est pas vous, quelqu'un a pu accéder à votre espace : contactez votre Caf sans attendre, et choisissez un nouveau mot de passe avec « Mot de passe oublié » sur la page de connexion de Mon Compte.";

/** To the former confirmed value, once a new one has been confirmed by its code. */
export function contactChanged({ type, date }: { type: Coordonnee; date: Date }): MessageContent {
  const quand = formatDateHeure(date);
  const { nom, sms } = LIBELLE[type];
  return {
    email: email(type === "EMAIL" ? "votre adresse électronique a été modifiée" : "votre numéro de mobile a été modifié", [
      {
        kind: "p",
        text: `${nom} de votre espace Mon Compte a été ${type === "EMAIL" ? "remplacée" : "remplacé"} le ${quand}. ${type === "EMAIL" ? "Cette adresse" : "Ce numéro"} ne recevra plus nos messages.`,
      },
      { kind: "p", text: "Si c'est vous, vous n'avez rien à faire." },
      { kind: "warning", text: NOT_YOU },
    ]),
    sms: { texte: `Mon Compte : ${sms} de votre espace modifié le ${quand}. Si ce n'est pas vous, contactez votre Caf.` },
  };
}

/** To the confirmed value the person has just removed from their space. */
export function contactRemoved({ type, date }: { type: Coordonnee; date: Date }): MessageContent {
  const quand = formatDateHeure(date);
  const { nom, sms } = LIBELLE[type];
  return {
    email: email(type === "EMAIL" ? "votre adresse électronique a été retirée" : "votre numéro de mobile a été retiré", [
      {
        kind: "p",
        text: `${nom} de votre espace Mon Compte a été ${type === "EMAIL" ? "retirée" : "retiré"} le ${quand}. ${type === "EMAIL" ? "Cette adresse" : "Ce numéro"} ne recevra plus nos messages.`,
      },
      { kind: "p", text: "Si c'est vous, vous n'avez rien à faire." },
      { kind: "warning", text: NOT_YOU },
    ]),
    sms: { texte: `Mon Compte : ${sms} retiré de votre espace le ${quand}. Si ce n'est pas vous, contactez votre Caf.` },
  };
}
