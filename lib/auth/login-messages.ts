import type { ActionResult } from "../forms/action-result";
import type { LoginFormField } from "./login-schema";
/** The one message for every failed login: it never tells whether the identifier exists. */
export const GENERIC_LOGIN_FAILURE =
  "Identifiant ou mot de passe incorrect. Pour une première connexion, utilisez le mot de passe à 8 chiffres de votre dossier.";

/** The failure that leaves one try before the login from this device is locked: said before it happens. */
export function lastTryWarning(lockoutMinutes: number): string {
  return `${GENERIC_LOGIN_FAILURE} Attention : il vous reste 1 essai. Après un nouvel échec, la connexion sera bloquée pendant ${lockoutMinutes} minutes. Si vous avez oublié votre mot de passe, choisissez-en un nouveau avec « Mot de passe oublié ».`;
}

/** The login is locked for a while: when it ends, and the way out. */
export function lockoutMessage(endsAt: string): string {
  return `Trop de tentatives de connexion. Par sécurité, réessayez après ${endsAt}. Si vous avez oublié votre mot de passe, choisissez-en un nouveau avec « Mot de passe oublié ».`;
}

/** A login answer that also offers the "Mot de passe oublié" link next to its message. */
export type LoginActionResult = ActionResult<LoginFormField> & { motDePasseOublie?: boolean };

/** Messages shown on the login page after a redirect (?raison=…). */
export const LOGIN_PAGE_NOTICES: Record<string, string> = {
  deconnexion: "Vous êtes déconnecté. À bientôt.",
  expiree: "Votre session a pris fin. Connectez-vous de nouveau pour continuer.",
  "deconnexion-franceconnect":
    "Vous êtes déconnecté de Mon Compte. La fin de votre session FranceConnect n'a pas pu être confirmée : sur un appareil partagé, fermez votre navigateur.",
};

/** A protected account (many wrong passwords from anywhere): the password is checked only with the code. */
export const PROTECTED_LOGIN_CODE_SENT =
  "Par sécurité, après de nombreuses tentatives de connexion à ce compte, un code à 6 chiffres est nécessaire : il vient d'être envoyé à votre adresse électronique ou à votre mobile confirmé. Saisissez-le avec votre mot de passe.";

/** A provisional identifier replaced by the NIR the Caf recorded (immatriculation): what changed, and what to type now. */
export function provisionalIdentifierReplaced(since: Date): string {
  const date = new Intl.DateTimeFormat("fr-FR", { day: "numeric", month: "long", year: "numeric", timeZone: "Europe/Paris" }).format(since);
  return `Votre identifiant provisoire ne fonctionne plus : depuis le ${date}, la Caf a enregistré votre numéro de sécurité sociale. Connectez-vous désormais avec ce numéro (celui de votre carte Vitale, 15 caractères) et votre mot de passe habituel.`;
}
