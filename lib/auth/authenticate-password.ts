// Password login (and la bascule): the single place where an identifier and a password become a person.
// Every failure looks the same from outside — same message, and an argon2 verification even when the
// identifier is unknown — so that nobody can learn whether an account exists.
import "server-only";
import argon2 from "argon2";
import { journal } from "../audit/journal";
import type { FieldKeys } from "../crypto/field-encryption";
import { lookupHash } from "../crypto/field-encryption";
import type { Database } from "../db/open-prisma";
import { describeDevice } from "./device-label";
import { hashPassword, needsRehash, verifyPassword, ARGON2_PARAMETERS } from "./password-hash";
import { loginFormSchema } from "./login-schema";
import {
  clearReinforcement,
  countReinforcementAttempt,
  recordFailure,
  recordReinforcementFailure,
  releaseAttempt,
  releaseReinforcementAttempt,
  reserveAttempt,
  THROTTLE_LIMITS,
  throttleKeys,
  type Counter,
  type ReinforcementCounter,
  type Reservation,
} from "./login-throttle";
import { checkProtectedLoginCode, protectedLoginContact, queueRepeatedFailuresNotice, sendProtectedLoginCode } from "./protected-login-code";
import { fieldErrorsFrom } from "../forms/action-result";
import type { LoginFormField } from "./login-schema";
import { BASCULE_ROLES } from "../access/capabilities";

export type LoginAttempt = { identifiant: unknown; motDePasse: unknown; code?: unknown; ip: string; userAgent: string | null; now?: Date };

export type LoginOutcome =
  | { ok: false; reason: "SAISIE_INVALIDE"; fieldErrors: Partial<Record<LoginFormField, string>> }
  | { ok: false; reason: "LIMITE_ATTEINTE"; until: Date }
  /**
   * lastTry: one more failure from here will lock the login (for `lockoutMinutes`); told to the person beforehand.
   * The counters are keyed on the identifier typed and the address, whether or not an account exists: saying so
   * reveals nothing about the account.
   */
  | { ok: false; reason: "IDENTIFIANTS_INCORRECTS"; lastTry?: { lockoutMinutes: number } }
  /** Protected account: a code was sent to a confirmed contact (messageId: to deliver now); the password was not checked. */
  | { ok: false; reason: "CODE_REQUIS"; messageId?: string; message?: string }
  /** Protected account, wrong or expired code: the password was not checked. */
  | { ok: false; reason: "CODE_INCORRECT"; message: string }
  /** A provisional identifier replaced by a NIR (immatriculation), with the right password: said plainly, nothing opens. */
  | { ok: false; reason: "IDENTIFIANT_PROVISOIRE_REMPLACE"; since: Date }
  | {
      ok: true;
      /** "bascule": first connection with the foyer's dossier password; the wizard comes next. */
      kind: "mot-de-passe" | "bascule";
      personneId: string;
      compteId: string;
      versionSession: number;
      previousConnection: Date | null;
      mustChangePassword: boolean;
      /** The account is not activated yet: the session opens on the first-connection wizard. */
      activationPending: boolean;
      /** A code sent to a confirmed contact was already proven (protected account): no second factor on top. */
      codeProven: boolean;
    };

// A hash of nothing in particular, verified when the identifier is unknown so that the timing is the same.
let dummyHash: Promise<string> | undefined;
function getDummyHash() {
  dummyHash ??= argon2.hash(`absent-${Math.random()}`, ARGON2_PARAMETERS);
  return dummyHash;
}

/** When a locking counter has exactly one failure left before it locks: how long the lock would last. */
function lastTryBeforeLockout(reservation: Reservation, counters: readonly Counter[]): { lockoutMinutes: number } | undefined {
  for (const taken of reservation.taken) {
    if (!counters.includes(taken.counter)) continue;
    const { maxFailures, lockoutMinutes } = taken.counter.policy;
    if (maxFailures - taken.echecs === 1) return { lockoutMinutes: lockoutMinutes[Math.min(taken.verrouillages, lockoutMinutes.length - 1)]! };
  }
  return undefined;
}

/** Who may use the foyer's dossier password: the access module owns that rule. */
const LOGIN_ROLES: ReadonlySet<string> = new Set(BASCULE_ROLES);

export async function authenticateWithPassword(db: Database, keys: FieldKeys, attempt: LoginAttempt): Promise<LoginOutcome> {
  const now = attempt.now ?? new Date();
  const parsed = loginFormSchema.safeParse({ identifiant: attempt.identifiant, motDePasse: attempt.motDePasse, code: attempt.code ?? undefined });
  if (!parsed.success) return { ok: false, reason: "SAISIE_INVALIDE", fieldErrors: fieldErrorsFrom<LoginFormField>(parsed.error.issues) };
  const { identifiant, motDePasse, code } = parsed.data;

  const personne = await db.personne.findFirst({
    where: identifiant.startsWith("P") ? { identifiantProvisoire: identifiant } : { nirEmpreinte: lookupHash(identifiant, keys) },
    select: {
      id: true,
      identifiantProvisoireRetireLe: true,
      compte: { select: { id: true, etat: true, motDePasseHash: true, versionSession: true, derniereConnexionLe: true } },
      appartenances: { where: { jusquAuLe: null }, select: { role: true, foyer: { select: { id: true, motDePasseDossierHash: true } } } },
      coordonnees: { where: { verifiee: true }, select: { type: true, valeurChiffree: true } },
    },
  });
  const compte = personne?.compte;
  const dossier = personne?.appartenances.find((m) => LOGIN_ROLES.has(m.role))?.foyer;
  // La bascule: the dossier password opens an account not activated yet, until the person has chosen their own
  // password in the wizard; from then on only the personal password works (and resumes the wizard if unfinished).
  const bascule = compte?.etat === "NON_ACTIVE" && !compte.motDePasseHash;
  const storedHash = bascule ? dossier?.motDePasseDossierHash : compte?.motDePasseHash;

  // Reserved before any hashing, atomically: parallel attempts cannot all slip under the limits.
  const throttle = throttleKeys(identifiant, attempt.ip, keys);
  const reserved = await reserveAttempt(db, [throttle.identifierAndIp, throttle.ip], now);
  if (!reserved.allowed) return { ok: false, reason: "LIMITE_ATTEINTE", until: reserved.until };
  const reservation = reserved.reservation;

  // Across every address: per account (keyed on the identifier, so an unknown one behaves the same) and, for the
  // dossier password, per foyer. Past their limit the account is protected, never locked.
  const reinforcement: ReinforcementCounter[] = [{ key: `compte:${lookupHash(identifiant, keys)}`, policy: THROTTLE_LIMITS.account }];
  if (bascule && dossier) reinforcement.push({ key: `foyer:${lookupHash(dossier.id, keys)}`, policy: THROTTLE_LIMITS.foyer });
  // The growing delay of a protected account without contact; for the dossier password, shared by the foyer.
  const delayKey = bascule && dossier ? `foyer-delai:${lookupHash(dossier.id, keys)}` : `compte-delai:${lookupHash(identifiant, keys)}`;
  let protectedAccount = false;
  for (const counter of reinforcement) if ((await countReinforcementAttempt(db, counter, now)).reinforced) protectedAccount = true;

  if (protectedAccount) {
    const contact = personne && compte ? protectedLoginContact(personne.coordonnees, keys) : null;
    if (contact) {
      // The password is not checked without the code: guessing it from many addresses gets nowhere.
      if (code === undefined) {
        await releaseAttempt(db, reservation);
        await releaseReinforcementAttempt(db, reinforcement);
        const sent = await sendProtectedLoginCode(db, keys, { personneId: personne!.id, contact, ip: attempt.ip, now });
        return sent.ok ? { ok: false, reason: "CODE_REQUIS", messageId: sent.messageId } : { ok: false, reason: "CODE_REQUIS", message: sent.message };
      }
      const checked = await checkProtectedLoginCode(db, keys, { personneId: personne!.id, contact, code, now });
      if (!checked.ok) {
        await releaseAttempt(db, reservation);
        await releaseReinforcementAttempt(db, reinforcement);
        return { ok: false, reason: "CODE_INCORRECT", message: checked.message };
      }
    } else {
      // No confirmed contact (or no such account): every failure makes the next try wait longer.
      const delay = { key: delayKey, policy: THROTTLE_LIMITS.reinforcedDelay };
      const waited = await reserveAttempt(db, [delay], now);
      if (!waited.allowed) {
        await releaseAttempt(db, reservation);
        await releaseReinforcementAttempt(db, reinforcement);
        return { ok: false, reason: "LIMITE_ATTEINTE", until: waited.until };
      }
      reservation.taken.push(...waited.reservation.taken);
    }
  }

  const passwordMatches = await verifyPassword(storedHash ?? (await getDummyHash()), motDePasse);
  const usable = Boolean(personne && compte && storedHash) && passwordMatches && compte!.etat !== "SUSPENDU";
  const context = { ip: attempt.ip, appareil: describeDevice(attempt.userAgent) };

  // Immatriculation replaced this provisional identifier by the NIR: only someone who knows the password learns it.
  const replacedSince = identifiant.startsWith("P") ? personne?.identifiantProvisoireRetireLe : null;
  if (usable && replacedSince) {
    await releaseAttempt(db, reservation);
    await journal(db, { type: "CONNEXION_IDENTIFIANT_PROVISOIRE_REMPLACE", acteur: "systeme", sujetId: personne!.id, ip: attempt.ip, survenuLe: now });
    return { ok: false, reason: "IDENTIFIANT_PROVISOIRE_REMPLACE", since: replacedSince };
  }

  if (!usable) {
    await recordFailure(db, reservation, now);
    let newlyProtected = false;
    for (const counter of reinforcement) if (await recordReinforcementFailure(db, counter, now)) newlyProtected = true;
    if (newlyProtected && personne) {
      await db.$transaction(async (tx) => {
        await queueRepeatedFailuresNotice(tx, personne.coordonnees, keys, now);
        await journal(tx, { type: "COMPTE_PROTEGE_PAR_CODE", acteur: "systeme", sujetId: personne.id, ip: attempt.ip, survenuLe: now });
      });
    }
    if (personne) {
      await db.$transaction([
        db.historiqueConnexion.create({
          data: { personneId: personne.id, survenueLe: now, methode: bascule ? "MOT_DE_PASSE_DOSSIER" : "MOT_DE_PASSE", reussie: false, ...context },
        }),
        db.journalAudit.create({
          data: {
            type: compte?.etat === "SUSPENDU" && passwordMatches ? "CONNEXION_REFUSEE_COMPTE_SUSPENDU" : "CONNEXION_ECHOUEE",
            acteur: "systeme",
            sujetId: personne.id,
            ip: attempt.ip,
            survenuLe: now,
          },
        }),
      ]);
    }
    const lastTry = lastTryBeforeLockout(reservation, [throttle.identifierAndIp, throttle.ip]);
    return lastTry ? { ok: false, reason: "IDENTIFIANTS_INCORRECTS", lastTry } : { ok: false, reason: "IDENTIFIANTS_INCORRECTS" };
  }

  await releaseAttempt(db, reservation, [throttle.identifierAndIp.key, delayKey]);
  // The person is in: the failures counted across addresses are forgotten (and the protection ends).
  await clearReinforcement(db, reinforcement);
  const methode = bascule ? "MOT_DE_PASSE_DOSSIER" : "MOT_DE_PASSE";
  // Parameters raised since this hash was made: re-hash now that the password is known.
  const rehash = !bascule && needsRehash(storedHash!) ? await hashPassword(motDePasse) : undefined;
  await db.$transaction([
    db.compte.update({ where: { id: compte!.id }, data: { derniereConnexionLe: now, ...(rehash ? { motDePasseHash: rehash } : {}) } }),
    db.historiqueConnexion.create({ data: { personneId: personne!.id, survenueLe: now, methode, reussie: true, ...context } }),
  ]);
  await journal(db, { type: bascule ? "CONNEXION_BASCULE" : "CONNEXION_REUSSIE", acteur: personne!.id, sujetId: personne!.id, ip: attempt.ip, survenuLe: now });

  return {
    ok: true,
    kind: bascule ? "bascule" : "mot-de-passe",
    personneId: personne!.id,
    compteId: compte!.id,
    versionSession: compte!.versionSession,
    previousConnection: compte!.derniereConnexionLe,
    mustChangePassword: compte!.etat === "CHANGEMENT_MOT_DE_PASSE_REQUIS",
    activationPending: compte!.etat === "NON_ACTIVE",
    codeProven: protectedAccount && code !== undefined,
  };
}
