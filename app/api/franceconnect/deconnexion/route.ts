// Where FranceConnect sends the person back after its logout (the registered post_logout_redirect_uri). The checks
// are in completeFranceConnectLogoutReturn; either way the portal session is already closed.
import type { NextRequest } from "next/server";
import { clientAddress } from "@/lib/auth/client-address";
import { appConfig, fieldKeysOf } from "@/lib/config/app-config";
import { db } from "@/lib/db/client";
import { clearFranceConnectCookie, readFranceConnectCookie } from "@/lib/franceconnect/franceconnect-cookies";
import { completeFranceConnectLogoutReturn } from "@/lib/franceconnect/logout-return";
import { seeOther } from "@/lib/franceconnect/see-other";

export const dynamic = "force-dynamic";

export async function GET(request: NextRequest): Promise<Response> {
  const expected = await readFranceConnectCookie("logout");
  await clearFranceConnectCookie("logout");
  const destination = await completeFranceConnectLogoutReturn(await db(), fieldKeysOf(appConfig()), {
    expected,
    state: request.nextUrl.searchParams.get("state"),
    ip: await clientAddress(),
  });
  return seeOther(destination);
}
