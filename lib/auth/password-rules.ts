// The published password rules of SPEC §2 (8 to 24 characters, at least 1 digit, 1 lower-case and 1 upper-case
// letter), with nothing heavy attached: the live checklist of the browser imports them from here. The server
// checks them again, with the common-password list and the person's identity, in password-policy.ts.

export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 24;

export type PasswordRuleId = "longueur" | "chiffre" | "minuscule" | "majuscule";

export type PasswordRule = {
  id: PasswordRuleId;
  /** What the checklist shows ("Votre mot de passe doit contenir : …"). */
  label: string;
  /** The sentence given when the rule is not met. */
  message: string;
  test(password: string): boolean;
};

/** Length in characters as a person counts them (an "é" or an emoji is one), not in UTF-16 units. */
export function passwordLength(password: string): number {
  return Array.from(password).length;
}

export const PASSWORD_RULES: readonly PasswordRule[] = [
  {
    id: "longueur",
    label: `Entre ${PASSWORD_MIN_LENGTH} et ${PASSWORD_MAX_LENGTH} caractères`,
    message: `Le mot de passe doit contenir entre ${PASSWORD_MIN_LENGTH} et ${PASSWORD_MAX_LENGTH} caractères.`,
    test: (password) => {
      const length = passwordLength(password);
      return length >= PASSWORD_MIN_LENGTH && length <= PASSWORD_MAX_LENGTH;
    },
  },
  {
    id: "chiffre",
    label: "Au moins 1 chiffre",
    message: "Le mot de passe doit contenir au moins 1 chiffre.",
    test: (password) => /[0-9]/.test(password),
  },
  {
    id: "minuscule",
    label: "Au moins 1 lettre minuscule",
    message: "Le mot de passe doit contenir au moins 1 lettre minuscule.",
    test: (password) => /\p{Ll}/u.test(password),
  },
  {
    id: "majuscule",
    label: "Au moins 1 lettre majuscule",
    message: "Le mot de passe doit contenir au moins 1 lettre majuscule.",
    test: (password) => /\p{Lu}/u.test(password),
  },
];

/**
 * The rest of the policy, which only the server can check (it needs the list of about 90,000 common passwords, far
 * too big to send to every browser, and the person's identity): the checklist shows these as "vérifié à l'envoi",
 * never as met, so that a password like "Azerty123" does not look accepted before it is refused.
 */
export const PASSWORD_SERVER_CHECKS: readonly { id: "courant" | "personnel"; label: string }[] = [
  { id: "courant", label: "Ne pas être un mot de passe courant, comme « Azerty123 » ou « Soleil2024! »" },
  {
    id: "personnel",
    label: "Ne contenir ni votre nom, ni votre prénom, ni votre date de naissance, ni une partie de votre numéro de sécurité sociale",
  },
];
