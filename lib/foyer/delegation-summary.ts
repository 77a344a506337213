// The délégation de gestion as the tableau de bord states it: given by the person, or received from the allocataire.
import "server-only";
import { db } from "../db/client";
import { displayName } from "../delegation/delegation-service";

export type DelegationSummary = { sens: "accordee" | "recue"; autre: string } | null;

export async function delegationSummary(personneId: string): Promise<DelegationSummary> {
  const names = { prenoms: true, nomNaissance: true, nomUsage: true } as const;
  const delegation = await (await db()).delegation.findFirst({
    where: { retireeLe: null, OR: [{ delegantId: personneId }, { delegataireId: personneId }] },
    select: { delegantId: true, delegant: { select: names }, delegataire: { select: names } },
  });
  if (!delegation) return null;
  return delegation.delegantId === personneId
    ? { sens: "accordee", autre: displayName(delegation.delegataire) }
    : { sens: "recue", autre: displayName(delegation.delegant) };
}
