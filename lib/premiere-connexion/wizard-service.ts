// The writes of the first-connection wizard. Each one re-reads the wizard's state from the database and refuses a
// step whose earlier steps are not done, whatever the browser posts; each is one transaction with its journal entry.
import { journal } from "../audit/journal";
import type { FieldKeys } from "../crypto/field-encryption";
import { isUniqueViolation } from "../db/errors";
import type { Database } from "../db/open-prisma";
import { validateNewPassword, type NewPasswordField } from "../auth/new-password";
import { hashPassword } from "../auth/password-hash";
import { grantDelegationIn } from "../delegation/delegation-service";
import { accountActivated, delegationGranted } from "../messaging/templates";
import { queueBasculeNotices } from "./bascule-notices";
import { loadWizardState, type WizardState } from "./wizard-state";
import { canOpenStep, type WizardStepId } from "./wizard-steps";

type Actor = { personneId: string; compteId: string; ip: string; now?: Date };

export type StepRefusal = { ok: false; reason: "ETAPE_INDISPONIBLE" };

/** The state, if the step may be done now by this account (not activated, earlier steps done). */
async function openStep(db: Database, actor: Actor, step: WizardStepId): Promise<WizardState | null> {
  const state = await loadWizardState(db, actor.personneId);
  if (!state || state.compteId !== actor.compteId || state.etat !== "NON_ACTIVE" || !canOpenStep(state, step)) return null;
  return state;
}

export type ChoosePasswordOutcome =
  | StepRefusal
  | { ok: false; reason: "SAISIE_INVALIDE"; fieldErrors: Partial<Record<NewPasswordField, string>>; reglesNonRespectees?: string[] }
  | { ok: true; versionSession: number };

/** Step 2: the personal password. From now on the dossier password no longer opens this account. */
export async function chooseFirstPassword(
  db: Database,
  keys: FieldKeys,
  input: Actor & { nouveauMotDePasse: unknown; confirmation: unknown },
): Promise<ChoosePasswordOutcome> {
  const now = input.now ?? new Date();
  if (!(await openStep(db, input, "mot-de-passe"))) return { ok: false, reason: "ETAPE_INDISPONIBLE" };
  const owner = await db.personne.findUniqueOrThrow({
    where: { id: input.personneId },
    select: { nomNaissance: true, nomUsage: true, prenoms: true, dateNaissance: true, nirChiffre: true },
  });
  const checked = validateNewPassword(input, owner, keys);
  if (!checked.ok) return { reason: "SAISIE_INVALIDE", ...checked };
  const hash = await hashPassword(checked.motDePasse);
  const versionSession = await db.$transaction(async (tx) => {
    const [updated] = await tx.compte.updateManyAndReturn({
      where: { id: input.compteId, personneId: input.personneId, etat: "NON_ACTIVE" },
      data: { motDePasseHash: hash, motDePasseModifieLe: now, versionSession: { increment: 1 } },
      select: { versionSession: true },
    });
    if (!updated) return null;
    await journal(tx, { type: "MOT_DE_PASSE_CHOISI", acteur: input.personneId, sujetId: input.personneId, ip: input.ip, survenuLe: now });
    return updated.versionSession;
  });
  return versionSession === null ? { ok: false, reason: "ETAPE_INDISPONIBLE" } : { ok: true, versionSession };
}

export type FinishContactsOutcome = StepRefusal | { ok: false; reason: "AUCUNE_COORDONNEE"; message: string } | { ok: true };

/** Step 3 ends with at least one contact detail recorded, confirmed now or later. */
export async function finishContactsStep(db: Database, input: Actor): Promise<FinishContactsOutcome> {
  const now = input.now ?? new Date();
  if (!(await openStep(db, input, "coordonnees"))) return { ok: false, reason: "ETAPE_INDISPONIBLE" };
  const contacts = await db.coordonnee.count({ where: { personneId: input.personneId } });
  if (contacts === 0) {
    return { ok: false, reason: "AUCUNE_COORDONNEE", message: "Indiquez au moins une adresse électronique ou un numéro de mobile avant de continuer." };
  }
  await db.$transaction(async (tx) => {
    await tx.compte.update({ where: { id: input.compteId }, data: { coordonneesSaisiesLe: now } });
    await journal(tx, { type: "ETAPE_COORDONNEES_TERMINEE", acteur: input.personneId, sujetId: input.personneId, ip: input.ip, survenuLe: now });
  });
  return { ok: true };
}

export type DelegationOutcome = StepRefusal | { ok: true; accordee: boolean };

/**
 * Step 4, for an allocataire in a couple only: grant the délégation de gestion to the conjoint, or not now. The
 * conjoint is the one the dossier names, never one the browser sends. A grant is told to the dossier's contact
 * details and to the protector, if any (bascule-notices.ts): whoever did la bascule may be that conjoint.
 */
export async function answerDelegation(db: Database, keys: FieldKeys, input: Actor & { accorder: boolean }): Promise<DelegationOutcome> {
  const now = input.now ?? new Date();
  const state = await openStep(db, input, "delegation");
  if (!state?.delegation) return { ok: false, reason: "ETAPE_INDISPONIBLE" };
  const { foyerId, conjoint, dejaActive } = state.delegation;
  const delegation = state.delegation;
  const grant = input.accorder && !dejaActive;
  try {
    await db.$transaction(async (tx) => {
      if (grant) {
        // The conjoint hears of it on their confirmed contact details, like a grant from the space.
        await grantDelegationIn(tx, keys, delegation, { ip: input.ip, now }, "premiere-connexion");
        await queueBasculeNotices(tx, keys, {
          personneId: input.personneId,
          now,
          content: delegationGranted({ date: now, delegataire: conjoint.nomAffiche }),
          forProtector: (protege) => delegationGranted({ date: now, delegataire: conjoint.nomAffiche, protege }),
        });
      } else {
        await journal(tx, {
          type: "DELEGATION_NON_ACCORDEE",
          acteur: input.personneId,
          sujetId: conjoint.personneId,
          foyerId,
          ip: input.ip,
          survenuLe: now,
          details: { depuis: "premiere-connexion", dejaActive },
        });
      }
      await tx.compte.update({ where: { id: input.compteId }, data: { delegationProposeeLe: now } });
    });
  } catch (error) {
    // Another délégation became active for this foyer meanwhile (one active délégation per foyer).
    if (!isUniqueViolation(error)) throw error;
    return answerDelegation(db, keys, { ...input, accorder: false });
  }
  return { ok: true, accordee: grant || (input.accorder && dejaActive) };
}

/**
 * When every step is done, the account is activated (once), and the dossier's contact details and the protector,
 * if any, are told (bascule-notices.ts). Returns whether the wizard is complete.
 */
export async function activateIfComplete(db: Database, keys: FieldKeys, input: Actor): Promise<boolean> {
  const now = input.now ?? new Date();
  const state = await loadWizardState(db, input.personneId);
  if (!state || state.current !== null) return false;
  if (state.etat !== "NON_ACTIVE") return true;
  await db.$transaction(async (tx) => {
    const { count } = await tx.compte.updateMany({ where: { id: input.compteId, etat: "NON_ACTIVE" }, data: { etat: "ACTIF", activeLe: now } });
    if (count !== 1) return;
    const avis = await queueBasculeNotices(tx, keys, {
      personneId: input.personneId,
      now,
      content: accountActivated({ date: now }),
      forProtector: (protege) => accountActivated({ date: now, protege }),
    });
    await journal(tx, { type: "COMPTE_ACTIVE", acteur: input.personneId, sujetId: input.personneId, ip: input.ip, survenuLe: now, details: { avis } });
  });
  return true;
}
