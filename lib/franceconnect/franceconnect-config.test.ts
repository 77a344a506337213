import { describe, expect, it } from "vitest";
import { ConfigurationError } from "../db/database-config";
import { DEMO_FRANCECONNECT_CLIENT_SECRET, franceConnectEnvironment, loadFranceConnectConfig } from "./franceconnect-config";

const integration = {
  FRANCECONNECT_ISSUER: "https://fcp-low.sbx.dev-franceconnect.fr/api/v2",
  FRANCECONNECT_CLIENT_ID: "identifiant-du-portail",
  FRANCECONNECT_CLIENT_SECRET: "secret-du-portail-fourni-par-franceconnect",
  FRANCECONNECT_REDIRECT_URI: "https://moncompte.caf.example/api/franceconnect/callback",
  FRANCECONNECT_POST_LOGOUT_REDIRECT_URI: "https://moncompte.caf.example/api/franceconnect/deconnexion",
};

describe("configuration de FranceConnect", () => {
  it("en production, sans FRANCECONNECT_ISSUER, FranceConnect est désactivé", () => {
    expect(loadFranceConnectConfig({}, "production", { startsStandin: true })).toEqual({ enabled: false });
  });

  it("la démonstration lancée par npm start utilise le simulateur local sur 2527 (DEV_FRANCECONNECT_PORT le déplace)", () => {
    const config = loadFranceConnectConfig({}, "demo", { startsStandin: true, portalPort: "3100" });
    expect(config).toMatchObject({
      enabled: true,
      standin: { port: 2527 },
      settings: {
        issuer: "http://127.0.0.1:2527/api/v2",
        redirectUri: "http://localhost:3100/api/franceconnect/callback",
        postLogoutRedirectUri: "http://localhost:3100/api/franceconnect/deconnexion",
      },
    });
    expect(loadFranceConnectConfig({ DEV_FRANCECONNECT_PORT: "4527" }, "demo", { startsStandin: true })).toMatchObject({ standin: { port: 4527 } });
    expect(() => loadFranceConnectConfig({ DEV_FRANCECONNECT_PORT: "abc" }, "demo", { startsStandin: true })).toThrow(/DEV_FRANCECONNECT_PORT doit être un numéro de port/);
  });

  it("le portail lui-même n'utilise que ce qu'on lui donne : sans FRANCECONNECT_ISSUER, FranceConnect est désactivé", () => {
    expect(loadFranceConnectConfig({}, "demo")).toEqual({ enabled: false });
  });

  it("la plateforme d'intégration se configure par les cinq variables", () => {
    const config = loadFranceConnectConfig(integration, "production");
    expect(config).toEqual({
      enabled: true,
      settings: {
        issuer: integration.FRANCECONNECT_ISSUER,
        clientId: integration.FRANCECONNECT_CLIENT_ID,
        clientSecret: integration.FRANCECONNECT_CLIENT_SECRET,
        redirectUri: integration.FRANCECONNECT_REDIRECT_URI,
        postLogoutRedirectUri: integration.FRANCECONNECT_POST_LOGOUT_REDIRECT_URI,
      },
    });
    if (config.enabled) expect(franceConnectEnvironment(config.settings)).toEqual(integration);
  });

  it("une configuration incomplète ou fausse arrête le démarrage avec une phrase en français", () => {
    const without = (name: keyof typeof integration) => ({ ...integration, [name]: "" });
    expect(() => loadFranceConnectConfig(without("FRANCECONNECT_ISSUER"), "production")).toThrow(/FranceConnect est configuré à moitié : FRANCECONNECT_ISSUER manque/);
    expect(() => loadFranceConnectConfig(without("FRANCECONNECT_CLIENT_SECRET"), "production")).toThrow(/FRANCECONNECT_CLIENT_SECRET manque/);
    expect(() => loadFranceConnectConfig(without("FRANCECONNECT_REDIRECT_URI"), "production")).toThrow(/FRANCECONNECT_REDIRECT_URI manque/);
    expect(() => loadFranceConnectConfig({ ...integration, FRANCECONNECT_ISSUER: "http://franceconnect.example/api/v2" }, "production")).toThrow(ConfigurationError);
    expect(() => loadFranceConnectConfig({ ...integration, FRANCECONNECT_REDIRECT_URI: "https://moncompte.caf.example/ailleurs" }, "production")).toThrow(
      /FRANCECONNECT_REDIRECT_URI vaut .* \/api\/franceconnect\/callback/,
    );
    expect(() => loadFranceConnectConfig({ ...integration, FRANCECONNECT_CLIENT_SECRET: DEMO_FRANCECONNECT_CLIENT_SECRET }, "production")).toThrow(/secret de démonstration/);
  });
});
