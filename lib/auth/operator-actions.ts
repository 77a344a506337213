// What a Caf operator may do to an account from the command line (`npm run admin -- …`): suspend it,
// reactivate it, or require a password change at the next login. Suspension and a forced change end every
// open session at once (the account's session version moves on). Each action is journaled.
import { journal } from "../audit/journal";
import type { FieldKeys } from "../crypto/field-encryption";
import { lookupHash } from "../crypto/field-encryption";
import type { Database } from "../db/open-prisma";
import { parseLoginIdentifier } from "../identity/login-identifier";

export const OPERATOR_ACTIONS = {
  "compte:suspendre": { etat: "SUSPENDU", endsSessions: true, journalType: "COMPTE_SUSPENDU", done: "Compte suspendu : ses sessions sont fermées." },
  "compte:reactiver": { etat: "ACTIF", endsSessions: false, journalType: "COMPTE_REACTIVE", done: "Compte réactivé." },
  "compte:exiger-changement-mot-de-passe": {
    etat: "CHANGEMENT_MOT_DE_PASSE_REQUIS",
    endsSessions: true,
    journalType: "CHANGEMENT_MOT_DE_PASSE_EXIGE",
    done: "Changement de mot de passe exigé à la prochaine connexion : ses sessions sont fermées.",
  },
} as const;

export type OperatorAction = keyof typeof OPERATOR_ACTIONS;

export async function runOperatorAction(
  db: Database,
  keys: FieldKeys,
  input: { action: OperatorAction; identifiant: string; operateur: string; motif?: string },
): Promise<{ ok: true; message: string } | { ok: false; message: string }> {
  const parsed = parseLoginIdentifier(input.identifiant);
  if (!parsed.ok) return { ok: false, message: parsed.error };
  const definition = OPERATOR_ACTIONS[input.action];
  const personne = await db.personne.findFirst({
    where: parsed.kind === "provisoire" ? { identifiantProvisoire: parsed.value } : { nirEmpreinte: lookupHash(parsed.value, keys) },
    select: { id: true, compte: { select: { id: true, etat: true } } },
  });
  if (!personne?.compte) return { ok: false, message: "Aucun compte ne correspond à cet identifiant." };
  if (input.action === "compte:reactiver" && personne.compte.etat !== "SUSPENDU") {
    return { ok: false, message: "Ce compte n'est pas suspendu : rien à réactiver." };
  }
  if (personne.compte.etat === "NON_ACTIVE") return { ok: false, message: "Ce compte n'est pas encore activé : il n'y a rien à changer." };
  await db.$transaction(async (tx) => {
    await tx.compte.update({
      where: { id: personne.compte!.id },
      data: { etat: definition.etat, ...(definition.endsSessions ? { versionSession: { increment: 1 } } : {}) },
    });
    await journal(tx, {
      type: definition.journalType,
      acteur: `operateur:${input.operateur.slice(0, 60)}`,
      sujetId: personne.id,
      details: input.motif ? { motif: input.motif.slice(0, 200) } : undefined,
    });
  });
  return { ok: true, message: definition.done };
}
