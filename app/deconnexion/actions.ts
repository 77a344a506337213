"use server";
import { redirect } from "next/navigation";
import { clientAddress } from "@/lib/auth/client-address";
import { endSession } from "@/lib/auth/logout";
import { clearSessionCookie, currentSession } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { franceConnectLogoutUrl } from "@/lib/franceconnect/franceconnect-logout";

/**
 * "Se déconnecter": ends this session and every copy of its cookie (lib/auth/logout.ts). Without a session (already
 * ended) it only clears the cookie. After a FranceConnect login, the person then goes to FranceConnect's
 * end_session, which ends the FranceConnect session too and sends them back to /api/franceconnect/deconnexion.
 */
export async function logout(): Promise<void> {
  const session = await currentSession();
  if (session) await endSession(await db(), session, { ip: await clientAddress() });
  await clearSessionCookie();
  const franceConnect = session?.methode === "FRANCECONNECT" ? await franceConnectLogoutUrl(session.personneId) : null;
  redirect(franceConnect ?? "/connexion?raison=deconnexion");
}
