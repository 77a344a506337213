// The FranceConnect half of "Se déconnecter": the end_session URL with the id_token of this login as
// id_token_hint, a fresh state (kept in a cookie, checked on the way back) and the registered post-logout URI.
import "server-only";
import { franceConnectConfig } from "./franceconnect-config";
import { clearFranceConnectCookie, randomState, readFranceConnectCookie, writeFranceConnectCookie } from "./franceconnect-cookies";
import { FranceConnectUnavailableError, franceConnectRelyingParty } from "./relying-party";

/**
 * Where to go once the portal session is closed: FranceConnect's end_session; the login page with a warning when
 * FranceConnect cannot be reached (the portal logout stands); null when there is no FranceConnect session to end.
 */
export async function franceConnectLogoutUrl(personneId: string): Promise<string | null> {
  const franceConnectSession = await readFranceConnectCookie("session");
  await clearFranceConnectCookie("session");
  const config = franceConnectConfig();
  if (!franceConnectSession || franceConnectSession.personneId !== personneId || !config.enabled) return null;
  try {
    const relyingParty = await franceConnectRelyingParty(config.settings);
    const state = randomState();
    await writeFranceConnectCookie("logout", { state });
    return relyingParty.endSessionUrl({ idToken: franceConnectSession.idToken, state });
  } catch (error) {
    if (!(error instanceof FranceConnectUnavailableError)) throw error;
    console.warn(`[franceconnect] déconnexion FranceConnect impossible : ${error.message}`);
    return "/connexion?raison=deconnexion-franceconnect";
  }
}
