// Messages of "Créer mon espace" and of the later immatriculation. Like every message of the portal: no link, ever.
import { email, type MessageContent } from "./templates";

/** The provisional identifier, sent by e-mail and SMS as soon as the space is created (SPEC wording, in our words). */
export function provisionalIdentifierCreated({ identifiant }: { identifiant: string }): MessageContent {
  return {
    email: email("votre identifiant provisoire", [
      { kind: "p", text: "Vous venez de créer votre espace Mon Compte. Voici votre identifiant de connexion provisoire :" },
      { kind: "code", text: identifiant },
      { kind: "p", text: "Veuillez le conserver : il vous sera demandé à chaque connexion, avec le mot de passe que vous allez choisir." },
      {
        kind: "p",
        text: "Il est provisoire : quand la Caf aura enregistré votre numéro de sécurité sociale, vous vous connecterez avec ce numéro, et nous vous le dirons.",
      },
      { kind: "p", text: "Si vous n'avez pas créé d'espace Mon Compte, contactez votre Caf." },
    ]),
    sms: {
      texte: `Mon Compte : votre identifiant provisoire de connexion est ${identifiant}. Veuillez le conserver, il vous sera demande a chaque connexion.`,
    },
  };
}

/** After `immatriculer`: the NIR now opens the space, the provisional identifier no longer does. */
export function immatriculationDone({ identifiant, nirFinissantPar }: { identifiant: string; nirFinissantPar: string }): MessageContent {
  return {
    email: email("votre identifiant de connexion change", [
      { kind: "p", text: "La Caf a enregistré votre numéro de sécurité sociale dans votre espace Mon Compte." },
      {
        kind: "p",
        text: `Désormais, connectez-vous avec ce numéro (celui de votre carte Vitale, qui se termine par ${nirFinissantPar}) et votre mot de passe habituel. Votre identifiant provisoire ${identifiant} ne fonctionne plus.`,
      },
      { kind: "p", text: "Si vous ne comprenez pas ce message, contactez votre Caf." },
    ]),
    sms: {
      texte: `Mon Compte : connectez-vous desormais avec votre numero de securite sociale (il se termine par ${nirFinissantPar}) et votre mot de passe. L'identifiant ${identifiant} ne fonctionne plus.`,
    },
  };
}
