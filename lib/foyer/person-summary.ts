// What the tableau de bord needs about the signed-in person, and nothing more.
import "server-only";
import { db } from "../db/client";

export type PersonSummary = { prenom: string; nom: string };

export async function personSummary(personneId: string): Promise<PersonSummary | null> {
  const personne = await (await db()).personne.findUnique({ where: { id: personneId }, select: { prenoms: true, nomNaissance: true, nomUsage: true } });
  if (!personne) return null;
  return { prenom: personne.prenoms[0] ?? "", nom: personne.nomUsage ?? personne.nomNaissance };
}
