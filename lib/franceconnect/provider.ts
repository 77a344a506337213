// FranceConnect v2, declared as a next-auth OpenID Connect provider: the single place that says how the portal
// talks to FranceConnect (discovery, client metadata, scopes, acr, checks). The flow itself runs in our own route
// handlers with openid-client, the library next-auth uses underneath (see docs/decisions/0005-franceconnect.md:
// next-auth's own OAuth route would make a 43-character nonce, skip the userinfo JWT and open its own session).
import type { OAuthConfig } from "next-auth/providers/oauth";
import type { FranceConnectSettings } from "./franceconnect-config";
import type { IdentityPivot } from "./match-identity";

/** The identity pivot claims the portal asks for (FranceConnect v2 names one scope per claim). */
export const FRANCECONNECT_SCOPES = ["openid", "given_name", "family_name", "birthdate", "gender", "birthplace", "birthcountry", "preferred_username"] as const;
export const FRANCECONNECT_ACR = "eidas1";
/** Levels at least as strong as eidas1 (FranceConnect+ may answer eidas2 or eidas3); anything else is refused. */
export const ACCEPTED_ACR_VALUES: readonly string[] = ["eidas1", "eidas2", "eidas3"];
/** FranceConnect signs with ES256 (or RS256 for older registrations); never "none", never HMAC. */
export const ACCEPTED_SIGNING_ALGORITHMS = ["ES256", "RS256"];

/** The identité pivot as FranceConnect returns it in the userinfo JWT. */
export type FranceConnectProfile = IdentityPivot & { sub: string; preferred_username?: string };

export function franceConnectProvider(settings: FranceConnectSettings): OAuthConfig<FranceConnectProfile> {
  return {
    id: "franceconnect",
    name: "FranceConnect",
    type: "oauth",
    wellKnown: `${settings.issuer}/.well-known/openid-configuration`,
    issuer: settings.issuer,
    clientId: settings.clientId,
    clientSecret: settings.clientSecret,
    idToken: true,
    checks: ["state", "nonce"],
    authorization: { params: { scope: FRANCECONNECT_SCOPES.join(" "), acr_values: FRANCECONNECT_ACR, response_type: "code" } },
    client: {
      redirect_uris: [settings.redirectUri],
      post_logout_redirect_uris: [settings.postLogoutRedirectUri],
      token_endpoint_auth_method: "client_secret_post",
      id_token_signed_response_alg: "ES256",
      userinfo_signed_response_alg: "ES256",
    },
    profile: (profile) => ({ id: profile.sub, name: `${profile.given_name} ${profile.family_name}` }),
  };
}
