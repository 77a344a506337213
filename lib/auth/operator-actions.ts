// What a Caf operator may do to an account from the command line (`npm run admin -- …`): suspend it (activated
// or not), reactivate it, require a password change at the next login, or reset it to before la bascule.
// Every change but a reactivation ends every open session at once (the account's session version moves on).
// Each action is one transaction, conditional on the state read, with its journal entry.
import { journal } from "../audit/journal";
import type { FieldKeys } from "../crypto/field-encryption";
import { encryptField, lookupHash } from "../crypto/field-encryption";
import type { EtatCompte, Prisma, TypeCoordonnee } from "../db/generated/client";
import type { Database } from "../db/open-prisma";
import { parseLoginIdentifier } from "../identity/login-identifier";
import { openDossierContacts } from "../premiere-connexion/bascule-notices";

export const OPERATOR_ACTIONS = {
  "compte:suspendre": { journalType: "COMPTE_SUSPENDU", done: "Compte suspendu : ses sessions sont fermées." },
  "compte:reactiver": { journalType: "COMPTE_REACTIVE", done: "Compte réactivé." },
  "compte:exiger-changement-mot-de-passe": {
    journalType: "CHANGEMENT_MOT_DE_PASSE_EXIGE",
    done: "Changement de mot de passe exigé à la prochaine connexion : ses sessions sont fermées.",
  },
  "compte:reinitialiser": {
    journalType: "COMPTE_REINITIALISE",
    done: "Compte remis à l'état non activé : ses sessions sont fermées, son mot de passe personnel et les coordonnées saisies depuis la bascule sont retirés, celles du dossier rétablies. La personne refera sa première connexion avec le mot de passe du dossier.",
  },
} as const;

export type OperatorAction = keyof typeof OPERATOR_ACTIONS;

type Target = { personneId: string; compteId: string; etat: EtatCompte; activeLe: Date | null };
type Refusal = { ok: false; message: string };

/**
 * What the action changes on the account, as one conditional update (or a refusal). Every change but a
 * reactivation moves the session version on: a captured session cookie dies on its next request.
 */
async function applyAction(tx: Prisma.TransactionClient, keys: FieldKeys, action: OperatorAction, target: Target): Promise<Refusal | null> {
  const where = { id: target.compteId, etat: target.etat };
  const endSessions = { versionSession: { increment: 1 } };
  switch (action) {
    case "compte:suspendre":
      // Any account, activated or not: an account someone else is activating must be stoppable too.
      if (target.etat === "SUSPENDU") return { ok: false, message: "Ce compte est déjà suspendu." };
      return changed(await tx.compte.updateMany({ where, data: { etat: "SUSPENDU", ...endSessions } }));
    case "compte:reactiver":
      if (target.etat !== "SUSPENDU") return { ok: false, message: "Ce compte n'est pas suspendu : rien à réactiver." };
      // A never activated account goes back to waiting for its first connection.
      return changed(await tx.compte.updateMany({ where, data: { etat: target.activeLe ? "ACTIF" : "NON_ACTIVE" } }));
    case "compte:exiger-changement-mot-de-passe":
      if (target.etat === "NON_ACTIVE") return { ok: false, message: "Ce compte n'est pas encore activé : il n'y a rien à changer." };
      return changed(await tx.compte.updateMany({ where, data: { etat: "CHANGEMENT_MOT_DE_PASSE_REQUIS", ...endSessions } }));
    case "compte:reinitialiser":
      return resetAccount(tx, keys, target);
  }
}

const changed = ({ count }: { count: number }): Refusal | null =>
  count === 1 ? null : { ok: false, message: "Le compte a changé pendant l'opération : rien n'a été fait, relancez la commande." };

/**
 * Back to before la bascule: not activated, sessions ended, personal password, remembered browsers and wizard
 * progress gone, the contact details set since replaced by those the dossier held (unconfirmed), and a délégation
 * this person granted withdrawn (the conjoint's sessions end too). The CGU acceptances and the journal stay.
 */
async function resetAccount(tx: Prisma.TransactionClient, keys: FieldKeys, target: Target): Promise<Refusal | null> {
  const { coordonneesDossierChiffrees: sealed } = await tx.compte.findUniqueOrThrow({ where: { id: target.compteId }, select: { coordonneesDossierChiffrees: true } });
  const { count } = await tx.compte.updateMany({
    where: { id: target.compteId, etat: target.etat, coordonneesDossierChiffrees: sealed },
    data: {
      etat: "NON_ACTIVE",
      motDePasseHash: null,
      motDePasseModifieLe: null,
      coordonneesSaisiesLe: null,
      delegationProposeeLe: null,
      activeLe: null,
      coordonneesDossierChiffrees: null,
      versionSession: { increment: 1 },
    },
  });
  if (count !== 1) return changed({ count });
  // Without a record of what the dossier held, the wizard never changed the contact details: they stay.
  if (sealed) {
    await tx.coordonnee.deleteMany({ where: { personneId: target.personneId } });
    const dossier = openDossierContacts(sealed, keys);
    await tx.coordonnee.createMany({
      data: (Object.entries(dossier) as [TypeCoordonnee, string][]).map(([type, value]) => ({
        personneId: target.personneId,
        type,
        valeurChiffree: encryptField(value, keys),
        empreinte: lookupHash(value, keys),
        verifiee: false,
      })),
    });
  }
  await tx.navigateurConnu.deleteMany({ where: { personneId: target.personneId } });
  const withdrawn = await tx.delegation.updateManyAndReturn({
    where: { delegantId: target.personneId, retireeLe: null },
    data: { retireeLe: new Date() },
    select: { delegataireId: true },
  });
  if (withdrawn.length > 0) {
    await tx.compte.updateMany({ where: { personneId: { in: withdrawn.map((d) => d.delegataireId) } }, data: { versionSession: { increment: 1 } } });
  }
  return null;
}

export async function runOperatorAction(
  db: Database,
  keys: FieldKeys,
  input: { action: OperatorAction; identifiant: string; operateur: string; motif?: string },
): Promise<{ ok: true; message: string } | Refusal> {
  const parsed = parseLoginIdentifier(input.identifiant);
  if (!parsed.ok) return { ok: false, message: parsed.error };
  const definition = OPERATOR_ACTIONS[input.action];
  const personne = await db.personne.findFirst({
    where: parsed.kind === "provisoire" ? { identifiantProvisoire: parsed.value } : { nirEmpreinte: lookupHash(parsed.value, keys) },
    select: { id: true, compte: { select: { id: true, etat: true, activeLe: true } } },
  });
  if (!personne?.compte) return { ok: false, message: "Aucun compte ne correspond à cet identifiant." };
  const target: Target = { personneId: personne.id, compteId: personne.compte.id, etat: personne.compte.etat, activeLe: personne.compte.activeLe };
  const refusal = await db.$transaction(async (tx) => {
    const refused = await applyAction(tx, keys, input.action, target);
    if (refused) return refused;
    await journal(tx, {
      type: definition.journalType,
      acteur: `operateur:${input.operateur.slice(0, 60)}`,
      sujetId: personne.id,
      details: input.motif ? { motif: input.motif.slice(0, 200) } : undefined,
    });
    return null;
  });
  return refusal ?? { ok: true, message: definition.done };
}
