// Where FranceConnect sends the person back after its logout (the registered post_logout_redirect_uri). The state
// must be the one this browser sent; either way the portal session is already closed.
import { z } from "zod";
import type { NextRequest } from "next/server";
import { journal } from "@/lib/audit/journal";
import { clientAddress } from "@/lib/auth/client-address";
import { db } from "@/lib/db/client";
import { clearFranceConnectCookie, readFranceConnectCookie } from "@/lib/franceconnect/franceconnect-cookies";
import { seeOther } from "@/lib/franceconnect/see-other";

export const dynamic = "force-dynamic";

const querySchema = z.object({ state: z.string().min(1).max(512) });

export async function GET(request: NextRequest): Promise<Response> {
  const expected = await readFranceConnectCookie("logout");
  await clearFranceConnectCookie("logout");
  const query = querySchema.safeParse({ state: request.nextUrl.searchParams.get("state") ?? undefined });
  if (expected && query.success && query.data.state === expected.state) return seeOther("/connexion?raison=deconnexion");
  await journal(await db(), { type: "DECONNEXION_FRANCECONNECT_NON_CONFIRMEE", acteur: "systeme", ip: await clientAddress() });
  return seeOther("/connexion?raison=deconnexion-franceconnect");
}
