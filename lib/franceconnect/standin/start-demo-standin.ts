// The demo's FranceConnect: the local stand-in, with the portal registered as its only client.
import type { FranceConnectSettings } from "../franceconnect-config";
import { startFranceConnectStandin, type FranceConnectStandin } from "./standin-server";

export function startDemoStandin(settings: FranceConnectSettings, port: number): Promise<FranceConnectStandin> {
  return startFranceConnectStandin({
    port,
    clients: [
      {
        clientId: settings.clientId,
        clientSecret: settings.clientSecret,
        redirectUris: [settings.redirectUri],
        postLogoutRedirectUris: [settings.postLogoutRedirectUri],
        name: "Mon Compte",
      },
    ],
  });
}
