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
import { checkLoginAllowed, recordLoginFailure, recordLoginSuccess, throttleKeys } from "./login-throttle";
import { fieldErrorsFrom } from "../forms/action-result";
import type { LoginFormField } from "./login-schema";

export type LoginAttempt = { identifiant: unknown; motDePasse: unknown; ip: string; userAgent: string | null; now?: Date };

export type LoginOutcome =
  | { ok: false; reason: "SAISIE_INVALIDE"; fieldErrors: Partial<Record<LoginFormField, string>> }
  | { ok: false; reason: "LIMITE_ATTEINTE"; until: Date }
  | { ok: false; reason: "IDENTIFIANTS_INCORRECTS" }
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
    };

// A hash of nothing in particular, verified when the identifier is unknown so that the timing is the same.
let dummyHash: Promise<string> | undefined;
function getDummyHash() {
  dummyHash ??= argon2.hash(`absent-${Math.random()}`, ARGON2_PARAMETERS);
  return dummyHash;
}

const LOGIN_ROLES = new Set(["ALLOCATAIRE", "CONJOINT", "CONJOINT_ALLOCATAIRE", "AUTRE"]);

export async function authenticateWithPassword(db: Database, keys: FieldKeys, attempt: LoginAttempt): Promise<LoginOutcome> {
  const now = attempt.now ?? new Date();
  const parsed = loginFormSchema.safeParse({ identifiant: attempt.identifiant, motDePasse: attempt.motDePasse });
  if (!parsed.success) return { ok: false, reason: "SAISIE_INVALIDE", fieldErrors: fieldErrorsFrom<LoginFormField>(parsed.error.issues) };
  const { identifiant, motDePasse } = parsed.data;

  const throttle = throttleKeys(identifiant, attempt.ip, keys);
  const allowed = await checkLoginAllowed(db, throttle, now);
  if (!allowed.allowed) return { ok: false, reason: "LIMITE_ATTEINTE", until: allowed.until };

  const personne = await db.personne.findFirst({
    where: identifiant.startsWith("P") ? { identifiantProvisoire: identifiant } : { nirEmpreinte: lookupHash(identifiant, keys) },
    select: {
      id: true,
      compte: { select: { id: true, etat: true, motDePasseHash: true, versionSession: true, derniereConnexionLe: true } },
      appartenances: { where: { jusquAuLe: null }, select: { role: true, foyer: { select: { id: true, motDePasseDossierHash: true } } } },
    },
  });
  const compte = personne?.compte;
  const dossier = personne?.appartenances.find((m) => LOGIN_ROLES.has(m.role))?.foyer;
  // La bascule: the dossier password opens an account not activated yet, until the person has chosen their own
  // password in the wizard; from then on only the personal password works (and resumes the wizard if unfinished).
  const bascule = compte?.etat === "NON_ACTIVE" && !compte.motDePasseHash;
  const storedHash = bascule ? dossier?.motDePasseDossierHash : compte?.motDePasseHash;

  const passwordMatches = await verifyPassword(storedHash ?? (await getDummyHash()), motDePasse);
  const usable = Boolean(personne && compte && storedHash) && passwordMatches && compte!.etat !== "SUSPENDU";
  const context = { ip: attempt.ip, appareil: describeDevice(attempt.userAgent) };

  if (!usable) {
    await recordLoginFailure(db, throttle, now);
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
    return { ok: false, reason: "IDENTIFIANTS_INCORRECTS" };
  }

  await recordLoginSuccess(db, throttle);
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
  };
}
