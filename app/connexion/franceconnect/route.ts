// "S'identifier avec FranceConnect": a new login in progress (random state and nonce in an encrypted cookie), then
// off to FranceConnect. FranceConnect off or unreachable → the "momentanément indisponible" page.
import { FRANCECONNECT_PAGES } from "@/lib/franceconnect/franceconnect-callback";
import { franceConnectConfig } from "@/lib/franceconnect/franceconnect-config";
import { randomNonce, randomState, writeFranceConnectCookie } from "@/lib/franceconnect/franceconnect-cookies";
import { FranceConnectUnavailableError, franceConnectRelyingParty } from "@/lib/franceconnect/relying-party";
import { seeOther } from "@/lib/franceconnect/see-other";

export const dynamic = "force-dynamic";

export async function GET(): Promise<Response> {
  const config = franceConnectConfig();
  if (!config.enabled) return seeOther(FRANCECONNECT_PAGES.indisponible);
  let authorizationUrl: string;
  try {
    const relyingParty = await franceConnectRelyingParty(config.settings);
    const flow = { state: randomState(), nonce: randomNonce() };
    authorizationUrl = relyingParty.authorizationUrl(flow);
    await writeFranceConnectCookie("flow", flow);
  } catch (error) {
    if (!(error instanceof FranceConnectUnavailableError)) throw error;
    console.warn(`[franceconnect] indisponible : ${error.message}`);
    return seeOther(FRANCECONNECT_PAGES.indisponible);
  }
  return seeOther(authorizationUrl);
}
