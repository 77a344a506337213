// The return from FranceConnect (the registered redirect_uri). Everything is checked in completeFranceConnectCallback;
// this handler only turns its answer into cookies and a redirect. No session is opened unless every check passed.
import { after, type NextRequest } from "next/server";
import { clientAddress, clientUserAgent } from "@/lib/auth/client-address";
import { openSession, sessionHome } from "@/lib/auth/session";
import { appConfig, fieldKeysOf } from "@/lib/config/app-config";
import { db } from "@/lib/db/client";
import { FRANCECONNECT_PAGES, completeFranceConnectCallback } from "@/lib/franceconnect/franceconnect-callback";
import { franceConnectConfig } from "@/lib/franceconnect/franceconnect-config";
import { clearFranceConnectCookie, readFranceConnectCookie, writeFranceConnectCookie } from "@/lib/franceconnect/franceconnect-cookies";
import { seeOther } from "@/lib/franceconnect/see-other";
import { deliverMessageNow } from "@/lib/messaging/deliver-outbox";
import { messagingConfig } from "@/lib/messaging/messaging-config";
import { createTransports } from "@/lib/messaging/transports";

export const dynamic = "force-dynamic";

/** The query as a plain object; a parameter given twice makes it unusable (the checks then refuse it). */
function singleValuedQuery(params: URLSearchParams): Record<string, string> {
  const keys = [...params.keys()];
  if (new Set(keys).size !== keys.length) return {};
  return Object.fromEntries(params);
}

export async function GET(request: NextRequest): Promise<Response> {
  const config = franceConnectConfig();
  if (!config.enabled) return seeOther(FRANCECONNECT_PAGES.indisponible);
  const expected = await readFranceConnectCookie("flow");
  await clearFranceConnectCookie("flow"); // one login in progress, one use
  const app = appConfig();
  const keys = fieldKeysOf(app);
  const prisma = await db();
  const result = await completeFranceConnectCallback({
    db: prisma,
    keys,
    settings: config.settings,
    query: singleValuedQuery(request.nextUrl.searchParams),
    expected,
    ip: await clientAddress(),
    userAgent: await clientUserAgent(),
  });

  if (result.kind === "connecte") {
    await openSession(result.claims);
    await writeFranceConnectCookie("session", { idToken: result.idToken, personneId: result.claims.personneId });
    await clearFranceConnectCookie("identity");
    const messageId = result.messageId;
    if (messageId) after(() => deliverMessageNow(prisma, createTransports(messagingConfig()), keys, messageId).then(() => undefined));
    return seeOther(sessionHome(result.claims.etape, "/tableau-de-bord"));
  }
  if (result.kind === "aucune-correspondance") await writeFranceConnectCookie("identity", result.identity);
  return seeOther(result.redirect);
}
