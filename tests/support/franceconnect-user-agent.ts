// A minimal browser for integration tests: follows the FranceConnect stand-in's pages over real HTTP (cookies kept,
// forms posted) from the authorization URL to the redirect back to the portal, and returns that callback's query.
import { startFranceConnectStandin, type FranceConnectStandin } from "../../lib/franceconnect/standin/standin-server";
import type { FranceConnectSettings } from "../../lib/franceconnect/franceconnect-config";

export const TEST_PORTAL = "http://localhost:3999";

export async function startTestStandin(): Promise<{ standin: FranceConnectStandin; settings: FranceConnectSettings }> {
  const redirectUri = `${TEST_PORTAL}/api/franceconnect/callback`;
  const postLogoutRedirectUri = `${TEST_PORTAL}/api/franceconnect/deconnexion`;
  const clientId = "mon-compte-tests";
  const clientSecret = "secret-des-tests-du-portail-mon-compte-0123456789";
  const standin = await startFranceConnectStandin({ clients: [{ clientId, clientSecret, redirectUris: [redirectUri], postLogoutRedirectUris: [postLogoutRedirectUri], name: "Mon Compte" }] });
  return { standin, settings: { issuer: standin.issuer, clientId, clientSecret, redirectUri, postLogoutRedirectUri } };
}

export class StandinBrowser {
  private readonly cookies = new Map<string, string>();

  async request(url: string, init: { method?: string; body?: string } = {}): Promise<Response> {
    const response = await fetch(url, {
      method: init.method ?? "GET",
      body: init.body,
      redirect: "manual",
      headers: {
        cookie: [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; "),
        ...(init.body !== undefined ? { "content-type": "application/x-www-form-urlencoded" } : {}),
      },
    });
    for (const header of response.headers.getSetCookie()) {
      const [pair] = header.split(";");
      const at = pair!.indexOf("=");
      const name = pair!.slice(0, at);
      const value = pair!.slice(at + 1);
      if (/expires=Thu, 01 Jan 1970/i.test(header) || value === "") this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return response;
  }

  /**
   * From the authorization URL to the portal's callback: picks `login` on the identity page, then "Continuer sur le
   * portail". Returns the callback's query (code, state, iss), or null if the stand-in stopped on an error page.
   */
  async signIn(authorizationUrl: string, login: string, portal = TEST_PORTAL): Promise<Record<string, string> | null> {
    let url = authorizationUrl;
    let method = "GET";
    let body: string | undefined;
    for (let step = 0; step < 12; step++) {
      const response = await this.request(url, { method, body });
      if (response.status >= 300 && response.status < 400) {
        const location = new URL(response.headers.get("location")!, url);
        if (location.href.startsWith(portal)) return Object.fromEntries(location.searchParams);
        [url, method, body] = [location.href, "GET", undefined];
        continue;
      }
      const html = await response.text();
      if (response.status !== 200) return null;
      const action = html.match(/<form method="post" action="([^"]+)"/)?.[1];
      if (!action) return null;
      [url, method, body] = [new URL(action.replaceAll("&amp;", "&"), url).href, "POST", html.includes('name="login"') ? `login=${encodeURIComponent(login)}` : ""];
    }
    throw new Error("Trop d'étapes chez le simulateur FranceConnect.");
  }
}
