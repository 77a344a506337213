// Changing one's password from one's space (or because the Caf required it): the current password proves it is
// the person, the new one follows the password policy, and the change ends every other session and tells the
// person on each of their verified contact details.
//
// Wrong current passwords are throttled like logins (login-throttle.ts), on a counter of their own keyed on the
// person (not on the IP address: whoever types them already holds the person's session, from wherever) plus the
// IP address counter shared with the login: 5 wrong current passwords within 15 minutes lock the change for 5
// minutes, then 15, 30, 60. The attempt is reserved atomically on both counters before any argon2 verification.
import { forgetKnownBrowsers } from "./known-browser";
import { queuePasswordChangedNotices, replacedPasswordData } from "./password-replacement";
import "server-only";
import { z } from "zod";
import { journal } from "../audit/journal";
import { lookupHash, type FieldKeys } from "../crypto/field-encryption";
import type { Database } from "../db/open-prisma";
import { recordFailure, releaseAttempt, reserveAttempt, THROTTLE_LIMITS, throttleKeys, type Reservation, type ThrottleKeys } from "./login-throttle";
import { hashPassword, verifyPassword } from "./password-hash";
import { checkOwnerPassword, passwordRuleErrors } from "./new-password";

export type ChangePasswordField = "motDePasseActuel" | "nouveauMotDePasse" | "confirmation";

/** Longest input read at all: anything longer is refused before any rule or hashing runs. */
export const CHANGE_PASSWORD_INPUT_MAX_LENGTH = 128;

export const CHANGE_PASSWORD_MESSAGES = {
  actuelIncorrect: "Le mot de passe actuel saisi est incorrect : vérifiez les majuscules et les minuscules, puis recommencez.",
  identique: "Le nouveau mot de passe doit être différent de votre mot de passe actuel.",
  confirmationDifferente: "Les deux mots de passe saisis ne sont pas identiques : saisissez deux fois le même nouveau mot de passe.",
} as const;

const tooLong = `Le mot de passe saisi est trop long : il ne peut pas dépasser ${CHANGE_PASSWORD_INPUT_MAX_LENGTH} caractères.`;
const passwordField = (missing: string) => z.string({ error: missing }).min(1, missing).max(CHANGE_PASSWORD_INPUT_MAX_LENGTH, tooLong);

const fieldSchemas = {
  motDePasseActuel: passwordField("Saisissez votre mot de passe actuel."),
  nouveauMotDePasse: passwordField("Saisissez votre nouveau mot de passe."),
  confirmation: passwordField("Saisissez une deuxième fois votre nouveau mot de passe."),
} satisfies Record<ChangePasswordField, z.ZodType<string>>;

export type ChangePasswordInput = {
  /** From the session: the account and the person it belongs to. */
  compteId: string;
  personneId: string;
  motDePasseActuel: unknown;
  nouveauMotDePasse: unknown;
  confirmation: unknown;
  ip: string;
  now?: Date;
};

export type ChangePasswordOutcome =
  | {
      ok: false;
      reason: "SAISIE_INVALIDE";
      fieldErrors: Partial<Record<ChangePasswordField, string>>;
      /** Each rule the new password breaks, when it breaks more than one (new-password.ts, passwordRuleErrors). */
      reglesNonRespectees?: string[];
    }
  /** Too many wrong current passwords: refused until then, before any hashing. */
  | { ok: false; reason: "LIMITE_ATTEINTE"; until: Date }
  /** The account is gone, suspended, not activated, or its password or sessions changed meanwhile. */
  | { ok: false; reason: "COMPTE_INDISPONIBLE" }
  | {
      ok: true;
      /** The account's new session version: the current session is re-opened with it, every other one ends. */
      versionSession: number;
      /** Outbox ids of the "mot de passe modifié" notices, to deliver once the answer is given. */
      notifications: string[];
    };

/** The counters of wrong current passwords: one per person, and the IP address one shared with the login. */
export function passwordChangeThrottle(personneId: string, ip: string, keys: FieldKeys): ThrottleKeys {
  return {
    identifierAndIp: { key: `chg-mdp:${lookupHash(`changement-mot-de-passe|${personneId}`, keys)}`, policy: THROTTLE_LIMITS.identifierAndIp },
    ip: throttleKeys("", ip, keys).ip,
  };
}

const CHANGEABLE = ["ACTIF", "CHANGEMENT_MOT_DE_PASSE_REQUIS"] as const;

export async function changePassword(db: Database, keys: FieldKeys, input: ChangePasswordInput): Promise<ChangePasswordOutcome> {
  const now = input.now ?? new Date();
  const throttle = passwordChangeThrottle(input.personneId, input.ip, keys);
  const reserved = await reserveAttempt(db, [throttle.identifierAndIp, throttle.ip], now);
  if (!reserved.allowed) return { ok: false, reason: "LIMITE_ATTEINTE", until: reserved.until };
  const reservation: Reservation = reserved.reservation;
  // Only a wrong current password counts: any other way out gives the reserved attempt back.
  const outcome = await changeWithReservation(db, keys, input, now, reservation);
  if (!(outcome.ok === false && outcome.reason === "SAISIE_INVALIDE" && outcome.fieldErrors.motDePasseActuel === CHANGE_PASSWORD_MESSAGES.actuelIncorrect)) {
    await releaseAttempt(db, reservation, outcome.ok ? [throttle.identifierAndIp.key] : []);
  }
  return outcome;
}

async function changeWithReservation(db: Database, keys: FieldKeys, input: ChangePasswordInput, now: Date, reservation: Reservation): Promise<ChangePasswordOutcome> {

  const compte = await db.compte.findUnique({
    where: { id: input.compteId },
    select: {
      id: true,
      personneId: true,
      etat: true,
      motDePasseHash: true,
      versionSession: true,
      personne: {
        select: {
          nomNaissance: true,
          nomUsage: true,
          prenoms: true,
          dateNaissance: true,
          nirChiffre: true,
          coordonnees: { where: { verifiee: true }, select: { type: true, valeurChiffree: true } },
        },
      },
    },
  });
  if (!compte || compte.personneId !== input.personneId || !compte.motDePasseHash || !(CHANGEABLE as readonly string[]).includes(compte.etat)) {
    return { ok: false, reason: "COMPTE_INDISPONIBLE" };
  }

  // Every field is checked, so that one answer lists every problem.
  const fieldErrors: Partial<Record<ChangePasswordField, string>> = {};
  const values: Partial<Record<ChangePasswordField, string>> = {};
  for (const field of Object.keys(fieldSchemas) as ChangePasswordField[]) {
    const parsed = fieldSchemas[field].safeParse(input[field]);
    if (parsed.success) values[field] = parsed.data;
    else fieldErrors[field] = parsed.error.issues[0]!.message;
  }
  const { motDePasseActuel, nouveauMotDePasse, confirmation } = values;
  let reglesNonRespectees: string[] | undefined;

  if (nouveauMotDePasse !== undefined) {
    const rules = checkOwnerPassword(nouveauMotDePasse, compte.personne, keys);
    if (!rules.ok) {
      const shown = passwordRuleErrors(rules.errors);
      fieldErrors.nouveauMotDePasse = shown.message;
      reglesNonRespectees = shown.reglesNonRespectees;
    }
    if (confirmation !== undefined && confirmation !== nouveauMotDePasse) fieldErrors.confirmation = CHANGE_PASSWORD_MESSAGES.confirmationDifferente;
  }

  if (motDePasseActuel !== undefined) {
    if (!(await verifyPassword(compte.motDePasseHash, motDePasseActuel))) {
      await recordFailure(db, reservation, now);
      await journal(db, {
        type: "CHANGEMENT_MOT_DE_PASSE_REFUSE",
        acteur: input.personneId,
        sujetId: input.personneId,
        ip: input.ip,
        survenuLe: now,
        details: { raison: "MOT_DE_PASSE_ACTUEL_INCORRECT" },
      });
      fieldErrors.motDePasseActuel = CHANGE_PASSWORD_MESSAGES.actuelIncorrect;
    } else if (nouveauMotDePasse !== undefined && nouveauMotDePasse === motDePasseActuel) {
      fieldErrors.nouveauMotDePasse = CHANGE_PASSWORD_MESSAGES.identique;
    }
  }
  if (Object.keys(fieldErrors).length > 0 || nouveauMotDePasse === undefined) {
    return { ok: false, reason: "SAISIE_INVALIDE", fieldErrors, ...(reglesNonRespectees ? { reglesNonRespectees } : {}) };
  }

  const hash = await hashPassword(nouveauMotDePasse);
  const notifications = await db.$transaction(async (tx) => {
    // Conditional on the hash just verified and the session version: of two simultaneous changes, one wins.
    const { count } = await tx.compte.updateMany({
      where: { id: compte.id, motDePasseHash: compte.motDePasseHash, versionSession: compte.versionSession, etat: { in: [...CHANGEABLE] } },
      data: replacedPasswordData(hash, compte.etat, now),
    });
    if (count !== 1) return null;
    await forgetKnownBrowsers(tx, input.personneId);
    await journal(tx, {
      type: "MOT_DE_PASSE_MODIFIE",
      acteur: input.personneId,
      sujetId: input.personneId,
      ip: input.ip,
      survenuLe: now,
      details: { changementExige: compte.etat === "CHANGEMENT_MOT_DE_PASSE_REQUIS", notifications: compte.personne.coordonnees.length },
    });
    return queuePasswordChangedNotices(tx, compte.personne.coordonnees, keys, now);
  });
  if (!notifications) return { ok: false, reason: "COMPTE_INDISPONIBLE" };
  return { ok: true, versionSession: compte.versionSession + 1, notifications };
}
