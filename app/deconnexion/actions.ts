"use server";
import { redirect } from "next/navigation";
import { journal } from "@/lib/audit/journal";
import { clientAddress } from "@/lib/auth/client-address";
import { clearSessionCookie, currentSession } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { franceConnectLogoutUrl } from "@/lib/franceconnect/franceconnect-logout";

/**
 * "Se déconnecter": ends this session and every copy of its cookie (the account's session version moves on).
 * After a FranceConnect login, the person then goes to FranceConnect's end_session, which ends the FranceConnect
 * session too and sends them back to /api/franceconnect/deconnexion.
 */
export async function logout(): Promise<void> {
  const session = await currentSession();
  if (session) {
    const prisma = await db();
    await prisma.compte.updateMany({ where: { id: session.sub, versionSession: session.versionSession }, data: { versionSession: { increment: 1 } } });
    await journal(prisma, { type: "DECONNEXION", acteur: session.personneId, sujetId: session.personneId, ip: await clientAddress() });
  }
  await clearSessionCookie();
  const franceConnect = session?.methode === "FRANCECONNECT" ? await franceConnectLogoutUrl(session.personneId) : null;
  redirect(franceConnect ?? "/connexion?raison=deconnexion");
}
