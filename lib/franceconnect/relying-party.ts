// The portal as a FranceConnect client ("fournisseur de service"): builds the authorization request, checks the
// callback and every token that comes back, and builds the end_session request. openid-client 5 does discovery,
// the request URLs and the code exchange (client_secret_post); the id_token and the userinfo JWT are verified here
// with jose, so that the signing keys are fetched again whenever a signature does not verify (a key rotation at
// FranceConnect), which openid-client 5 only does for an unknown key id, at most once a minute.
import "server-only";
import { timingSafeEqual } from "node:crypto";
import { Issuer, custom, errors as oidcErrors, type BaseClient } from "openid-client";
import { createLocalJWKSet, errors as joseErrors, jwtVerify, type JWTPayload, type JWTVerifyOptions } from "jose";
import { z } from "zod";
import type { FranceConnectSettings } from "./franceconnect-config";
import { ACCEPTED_ACR_VALUES, ACCEPTED_SIGNING_ALGORITHMS, franceConnectProvider, type FranceConnectProfile } from "./provider";

/** Why a FranceConnect login was refused. Each has its own message and journal entry; none opens a session. */
export type RefusalReason =
  | "REPONSE_INVALIDE"
  | "ETAT_INVALIDE"
  | "ANNULEE"
  | "ERREUR_FRANCECONNECT"
  | "CODE_REFUSE"
  | "JETON_INVALIDE"
  | "JETON_EXPIRE"
  | "NONCE_INVALIDE"
  | "NIVEAU_INSUFFISANT"
  | "USERINFO_NON_SIGNE"
  | "USERINFO_INVALIDE"
  | "IDENTITE_INCOMPLETE";

export class FranceConnectRefusedError extends Error {
  constructor(
    readonly reason: RefusalReason,
    /** Technical detail for the journal: never a token, a code or an identity. */
    readonly detail: string,
  ) {
    super(`FranceConnect : ${reason} (${detail})`);
  }
}

/** FranceConnect could not be reached (discovery, keys, token or userinfo endpoint). */
export class FranceConnectUnavailableError extends Error {}

export type VerifiedFranceConnectLogin = { sub: string; identity: FranceConnectProfile; idToken: string; acr: string };

export type RelyingParty = {
  issuer: string;
  authorizationUrl(checks: { state: string; nonce: string }): string;
  /** Checks the callback and everything FranceConnect sends; throws FranceConnectRefusedError or FranceConnectUnavailableError. */
  completeCallback(query: Record<string, string>, expected: { state: string; nonce: string } | null): Promise<VerifiedFranceConnectLogin>;
  endSessionUrl(args: { idToken: string; state: string }): string;
  /** Tests: how many times the signing keys were fetched. */
  readonly keyFetches: number;
};

const HTTP_TIMEOUT_MS = 5_000;
const CLOCK_TOLERANCE_SECONDS = 10;
const KEYS_MAX_AGE_MS = 60 * 60_000;
const DISCOVERY_MAX_AGE_MS = 60 * 60_000;

custom.setHttpOptionsDefaults({ timeout: HTTP_TIMEOUT_MS });

// Callback query: only what the authorization response may carry, each bounded.
const token = z.string().min(1).max(512).regex(/^[\w\-.~+/=]+$/);
export const callbackQuerySchema = z.object({
  state: z.string().min(1).max(512),
  code: token.optional(),
  iss: z.string().max(512).optional(),
  error: z.string().max(100).regex(/^[\w.-]+$/).optional(),
  error_description: z.string().max(1000).optional(),
});

/** The identité pivot, checked before anything is matched. birthplace is "" for people born abroad. */
export const identitySchema = z.object({
  sub: z.string().min(1).max(255),
  given_name: z.string().trim().min(1).max(250),
  family_name: z.string().trim().min(1).max(250),
  birthdate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  gender: z.enum(["male", "female"]),
  birthplace: z.string().trim().max(10).default(""),
  birthcountry: z.string().trim().regex(/^99\d{3}$/),
  preferred_username: z.string().trim().max(250).optional(),
});

function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** The issuer's signing keys, fetched on first use, after an hour, and again whenever a signature fails. */
class SigningKeys {
  private set: ReturnType<typeof createLocalJWKSet> | null = null;
  private fetchedAt = 0;
  private inFlight: Promise<ReturnType<typeof createLocalJWKSet>> | null = null;
  fetches = 0;

  constructor(private readonly jwksUri: string) {}

  async current() {
    if (this.set && Date.now() - this.fetchedAt < KEYS_MAX_AGE_MS) return this.set;
    return this.refresh();
  }

  refresh() {
    this.inFlight ??= (async () => {
      try {
        const response = await fetch(this.jwksUri, { headers: { Accept: "application/json, application/jwk-set+json" }, signal: AbortSignal.timeout(HTTP_TIMEOUT_MS) });
        if (!response.ok) throw new FranceConnectUnavailableError(`Clés de FranceConnect indisponibles (HTTP ${response.status}).`);
        const jwks = z.object({ keys: z.array(z.record(z.string(), z.unknown())).min(1) }).parse(await response.json());
        this.fetches += 1;
        this.set = createLocalJWKSet(jwks as Parameters<typeof createLocalJWKSet>[0]);
        this.fetchedAt = Date.now();
        return this.set;
      } catch (error) {
        if (error instanceof FranceConnectUnavailableError) throw error;
        throw new FranceConnectUnavailableError(`Clés de FranceConnect illisibles ou injoignables (${(error as Error).name}).`);
      } finally {
        this.inFlight = null;
      }
    })();
    return this.inFlight;
  }

  async verify(jwt: string, options: JWTVerifyOptions): Promise<JWTPayload> {
    try {
      return (await jwtVerify(jwt, await this.current(), options)).payload;
    } catch (error) {
      const keyProblem =
        error instanceof joseErrors.JWSSignatureVerificationFailed || error instanceof joseErrors.JWKSNoMatchingKey || error instanceof joseErrors.JWKSMultipleMatchingKeys;
      if (!keyProblem) throw error;
      // The keys may have changed since they were fetched: fetch them again, and try once more.
      return (await jwtVerify(jwt, await this.refresh(), options)).payload;
    }
  }
}

function tokenProblem(error: unknown, what: "id_token" | "userinfo"): FranceConnectRefusedError {
  if (error instanceof FranceConnectRefusedError) return error;
  if (what === "id_token" && error instanceof joseErrors.JWTExpired) return new FranceConnectRefusedError("JETON_EXPIRE", "id_token expiré");
  const name = error instanceof Error ? `${error.name}${"code" in error ? ` ${String(error.code)}` : ""}` : "inconnue";
  return new FranceConnectRefusedError(what === "id_token" ? "JETON_INVALIDE" : "USERINFO_INVALIDE", `${what} refusé (${name})`);
}

async function createRelyingParty(settings: FranceConnectSettings): Promise<RelyingParty> {
  const provider = franceConnectProvider(settings);
  let issuer: Issuer<BaseClient>;
  try {
    issuer = await Issuer.discover(provider.wellKnown!);
  } catch (error) {
    throw new FranceConnectUnavailableError(`Découverte de FranceConnect impossible (${(error as Error).name}).`);
  }
  if (String(issuer.issuer) !== provider.issuer || !issuer.metadata.jwks_uri || !issuer.metadata.userinfo_endpoint) {
    throw new FranceConnectUnavailableError("La configuration publiée par FranceConnect ne correspond pas à FRANCECONNECT_ISSUER.");
  }
  const issuerId = String(issuer.issuer);
  const client = new issuer.Client({ client_id: provider.clientId!, client_secret: provider.clientSecret!, ...provider.client });
  client[custom.clock_tolerance] = CLOCK_TOLERANCE_SECONDS;
  const keys = new SigningKeys(issuer.metadata.jwks_uri);
  const params = typeof provider.authorization === "object" ? provider.authorization.params : {};
  const jwtOptions: JWTVerifyOptions = {
    issuer: issuerId,
    audience: provider.clientId!,
    algorithms: ACCEPTED_SIGNING_ALGORITHMS,
    clockTolerance: CLOCK_TOLERANCE_SECONDS,
  };

  async function userinfo(accessToken: string): Promise<JWTPayload> {
    let response: Response;
    try {
      response = await fetch(issuer.metadata.userinfo_endpoint!, {
        headers: { Authorization: `Bearer ${accessToken}`, Accept: "application/jwt" },
        signal: AbortSignal.timeout(HTTP_TIMEOUT_MS),
      });
    } catch (error) {
      throw new FranceConnectUnavailableError(`Point d'accès userinfo injoignable (${(error as Error).name}).`);
    }
    const body = (await response.text()).slice(0, 20_000);
    if (!response.ok) throw new FranceConnectRefusedError("USERINFO_INVALIDE", `userinfo HTTP ${response.status}`);
    // FranceConnect v2 returns the identity as a signed JWT; plain JSON could have come from anyone on the way.
    if (!/^application\/jwt\b/i.test(response.headers.get("content-type") ?? "") || body.split(".").length !== 3) {
      throw new FranceConnectRefusedError("USERINFO_NON_SIGNE", "userinfo sans signature");
    }
    try {
      return await keys.verify(body, { ...jwtOptions, requiredClaims: ["sub"] });
    } catch (error) {
      if (error instanceof FranceConnectUnavailableError) throw error;
      throw tokenProblem(error, "userinfo");
    }
  }

  return {
    issuer: issuerId,
    get keyFetches() {
      return keys.fetches;
    },
    authorizationUrl: ({ state, nonce }) => client.authorizationUrl({ ...params, redirect_uri: settings.redirectUri, state, nonce }),
    endSessionUrl: ({ idToken, state }) => client.endSessionUrl({ id_token_hint: idToken, post_logout_redirect_uri: settings.postLogoutRedirectUri, state }),

    async completeCallback(query, expected) {
      const parsed = callbackQuerySchema.safeParse(query);
      if (!parsed.success) throw new FranceConnectRefusedError("REPONSE_INVALIDE", "paramètres de retour invalides");
      const response = parsed.data;
      if (!expected) throw new FranceConnectRefusedError("ETAT_INVALIDE", "aucune connexion en cours dans ce navigateur");
      if (!sameSecret(response.state, expected.state)) throw new FranceConnectRefusedError("ETAT_INVALIDE", "state différent");
      if (response.iss !== undefined && response.iss !== issuerId) throw new FranceConnectRefusedError("REPONSE_INVALIDE", "iss différent");
      if (response.error) {
        throw new FranceConnectRefusedError(response.error === "access_denied" ? "ANNULEE" : "ERREUR_FRANCECONNECT", `erreur ${response.error}`);
      }
      if (!response.code) throw new FranceConnectRefusedError("REPONSE_INVALIDE", "code absent");

      let tokens;
      try {
        tokens = await client.grant({ grant_type: "authorization_code", code: response.code, redirect_uri: settings.redirectUri });
      } catch (error) {
        if (error instanceof oidcErrors.OPError) throw new FranceConnectRefusedError("CODE_REFUSE", `échange du code refusé (${error.error})`);
        if (error instanceof oidcErrors.RPError) throw new FranceConnectRefusedError("JETON_INVALIDE", "réponse du point d'accès token illisible");
        throw new FranceConnectUnavailableError(`Point d'accès token injoignable (${(error as Error).name}).`);
      }
      if (!tokens.id_token || !tokens.access_token) throw new FranceConnectRefusedError("JETON_INVALIDE", "id_token ou access_token absent");

      let claims: JWTPayload;
      try {
        claims = await keys.verify(tokens.id_token, { ...jwtOptions, requiredClaims: ["sub", "iat", "exp", "nonce"] });
      } catch (error) {
        if (error instanceof FranceConnectUnavailableError) throw error;
        throw tokenProblem(error, "id_token");
      }
      if (typeof claims.nonce !== "string" || !sameSecret(claims.nonce, expected.nonce)) throw new FranceConnectRefusedError("NONCE_INVALIDE", "nonce différent");
      if (typeof claims.acr !== "string" || !ACCEPTED_ACR_VALUES.includes(claims.acr)) {
        throw new FranceConnectRefusedError("NIVEAU_INSUFFISANT", `acr ${typeof claims.acr === "string" ? claims.acr.slice(0, 20) : "absent"}`);
      }

      const info = await userinfo(tokens.access_token);
      if (info.sub !== claims.sub) throw new FranceConnectRefusedError("USERINFO_INVALIDE", "sub du userinfo différent de l'id_token");
      const identity = identitySchema.safeParse(info);
      if (!identity.success) throw new FranceConnectRefusedError("IDENTITE_INCOMPLETE", `identité incomplète (${identity.error.issues.map((i) => i.path.join(".")).join(", ")})`);
      return { sub: identity.data.sub, identity: identity.data, idToken: tokens.id_token, acr: claims.acr };
    },
  };
}

const relyingParties = new Map<string, { createdAt: number; relyingParty: Promise<RelyingParty> }>();

/** The FranceConnect client for these settings, discovered once an hour (and again after a failed discovery). */
export function franceConnectRelyingParty(settings: FranceConnectSettings): Promise<RelyingParty> {
  const key = JSON.stringify(settings);
  const cached = relyingParties.get(key);
  if (cached && Date.now() - cached.createdAt < DISCOVERY_MAX_AGE_MS) return cached.relyingParty;
  const relyingParty = createRelyingParty(settings);
  relyingParties.set(key, { createdAt: Date.now(), relyingParty });
  relyingParty.catch(() => relyingParties.delete(key));
  return relyingParty;
}
