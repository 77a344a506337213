// "Se déconnecter", the database side: the account's session version moves on, so that this cookie and every copy
// of it stop opening the space, and the journal records the logout. One conditional update: two logouts of the same
// session at once move the version once and journal once.
import { journal } from "../audit/journal";
import type { Database } from "../db/open-prisma";

export type EndedSession = { sub: string; personneId: string; versionSession: number };

/** Ends the session whose claims are given. Returns false when it had already ended (nothing is written then). */
export async function endSession(db: Database, session: EndedSession, { ip, now }: { ip: string | null; now?: Date }): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const { count } = await tx.compte.updateMany({
      where: { id: session.sub, versionSession: session.versionSession },
      data: { versionSession: { increment: 1 } },
    });
    if (count === 0) return false;
    await journal(tx, { type: "DECONNEXION", acteur: session.personneId, sujetId: session.personneId, ip, survenuLe: now });
    return true;
  });
}
