import "server-only";
import { assertCanOnSelf, type SelfGrant } from "../access/self-grant";
import { db } from "../db/client";

export type ConnectionEntry = { survenueLe: Date; methode: "MOT_DE_PASSE" | "MOT_DE_PASSE_DOSSIER" | "FRANCECONNECT"; appareil: string; reussie: boolean };

export const METHOD_LABELS: Record<ConnectionEntry["methode"], string> = {
  MOT_DE_PASSE: "Mot de passe",
  MOT_DE_PASSE_DOSSIER: "Mot de passe du dossier",
  FRANCECONNECT: "FranceConnect",
};

/** The person's own connections (successful or not) of the last 12 months, newest first. */
export async function connectionHistory(grant: SelfGrant, now = new Date()): Promise<ConnectionEntry[]> {
  assertCanOnSelf(grant, "VOIR_SES_DONNEES");
  const personneId = grant.sujetId;
  const since = new Date(now);
  since.setFullYear(since.getFullYear() - 1);
  return (await db()).historiqueConnexion.findMany({
    where: { personneId, survenueLe: { gte: since } },
    orderBy: { survenueLe: "desc" },
    take: 200,
    select: { survenueLe: true, methode: true, appareil: true, reussie: true },
  });
}
