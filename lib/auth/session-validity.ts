// Whether a session cookie's claims still open the account: the account exists, is not suspended, and its session
// version is still the one the cookie was issued with (a logout, a new password or a suspension moves it on, which
// ends every copy of every cookie at once). Used by currentSession() on each request.
import type { Database } from "../db/open-prisma";

export async function sessionStillOpens(db: Pick<Database, "compte">, claims: { sub: string; versionSession: number }): Promise<boolean> {
  const compte = await db.compte.findUnique({ where: { id: claims.sub }, select: { versionSession: true, etat: true } });
  return compte !== null && compte.versionSession === claims.versionSession && compte.etat !== "SUSPENDU";
}
