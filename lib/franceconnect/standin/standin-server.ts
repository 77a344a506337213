// The local FranceConnect stand-in: a real OpenID provider (oidc-provider) that behaves like FranceConnect v2 for
// the demo and the tests, on loopback only. What it mimics:
//   - discovery and every endpoint under /api/v2 (issuer http://127.0.0.1:PORT/api/v2), same route names;
//   - only the eidas1 level, mandatory `state` and `nonce` (a request without them gets an error page, as on
//     FranceConnect), the authorization code flow with a client secret;
//   - pairwise subjects, ES256-signed id_token and userinfo (returned as a signed JWT);
//   - the identité pivot claims (one scope per claim, and the `identite_pivot` scope for all of them);
//   - end_session with id_token_hint, state and a registered post_logout_redirect_uri.
// Tests can make it misbehave (tampered tokens, unsigned userinfo, key rotation) through `setTampering` and
// `rotateKeys`: the portal's verification code is then exercised against a real server, never a mock.
import { createHash, randomBytes } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import Provider, { type Configuration, type KoaContextWithOIDC } from "oidc-provider";
import { SignJWT, UnsecuredJWT, decodeJwt, exportJWK, generateKeyPair, type JWK, type JWTPayload, type KeyLike } from "jose";
import { STANDIN_IDENTITIES, identityClaims, type StandinIdentity } from "./identities";
import { continuePage, errorPage, identityChoicePage, loggedOutPage, logoutPage } from "./pages";

export const STANDIN_MOUNT_PATH = "/api/v2";
export const EIDAS1 = "eidas1";
/** The identité pivot, as FranceConnect v2 names its claims (each is also a scope of the same name). */
export const IDENTITE_PIVOT_CLAIMS = ["given_name", "family_name", "birthdate", "gender", "birthplace", "birthcountry", "preferred_username"] as const;

export type StandinClient = {
  clientId: string;
  clientSecret: string;
  redirectUris: string[];
  postLogoutRedirectUris: string[];
  /** Shown on the stand-in's pages ("Mon Compte vous demande de vous identifier"). */
  name?: string;
};

/** Ways to sign a tampered token: with the stand-in's own current key, with a key nobody published, or not at all. */
export type TokenForge = {
  signWithStandinKey(payload: JWTPayload): Promise<string>;
  signWithForeignKey(payload: JWTPayload): Promise<string>;
  unsigned(payload: JWTPayload): string;
};

/** Tests only: what the stand-in does wrong on purpose. */
export type Tampering = {
  /** Replaces the id_token of the token endpoint's answer. */
  idToken?: (payload: JWTPayload, forge: TokenForge) => Promise<string> | string;
  /** "unsigned": the userinfo endpoint answers plain JSON instead of a signed JWT. */
  userinfo?: "unsigned";
};

export type StandinOptions = {
  port?: number;
  host?: string;
  clients: StandinClient[];
  identities?: readonly StandinIdentity[];
};

export type FranceConnectStandin = {
  issuer: string;
  port: number;
  /** New signing key (new kid); the old one is no longer published. Sessions and grants survive. */
  rotateKeys(): Promise<void>;
  setTampering(tampering: Tampering | null): void;
  close(): Promise<void>;
};

type SigningKey = { kid: string; privateKey: KeyLike; privateJwk: JWK };

async function newSigningKey(kid = `standin-${randomBytes(6).toString("hex")}`): Promise<SigningKey> {
  const { privateKey } = await generateKeyPair("ES256", { extractable: true });
  const privateJwk = { ...(await exportJWK(privateKey)), kid, use: "sig", alg: "ES256" };
  return { kid, privateKey, privateJwk };
}

const ERROR_MESSAGES: Record<string, string> = {
  invalid_request: "La demande de connexion envoyée par le service est incomplète ou invalide.",
  invalid_client: "Le service qui demande la connexion n'est pas reconnu.",
  invalid_redirect_uri: "L'adresse de retour demandée par le service n'est pas enregistrée.",
  session_not_found: "Votre session FranceConnect a expiré : recommencez depuis le service.",
};

export async function startFranceConnectStandin(options: StandinOptions): Promise<FranceConnectStandin> {
  const host = options.host ?? "127.0.0.1";
  const identities = options.identities ?? STANDIN_IDENTITIES;
  const byLogin = new Map(identities.map((identity) => [identity.login, identity]));
  const clientNames = new Map(options.clients.map((client) => [client.clientId, client.name ?? "Le service"]));
  // Stable for the life of the stand-in, so that a person keeps the same pairwise subject across key rotations.
  const pairwiseSalt = randomBytes(32).toString("hex");
  const cookieKeys = [randomBytes(32).toString("hex")];
  let signingKey = await newSigningKey();
  let tampering: Tampering | null = null;
  let provider: Provider;

  const forge: TokenForge = {
    signWithStandinKey: (payload) => new SignJWT(payload).setProtectedHeader({ alg: "ES256", kid: signingKey.kid, typ: "JWT" }).sign(signingKey.privateKey),
    async signWithForeignKey(payload) {
      const foreign = await newSigningKey(signingKey.kid); // same kid: only the signature can tell
      return new SignJWT(payload).setProtectedHeader({ alg: "ES256", kid: foreign.kid, typ: "JWT" }).sign(foreign.privateKey);
    },
    unsigned: (payload) => new UnsecuredJWT(payload).encode(),
  };

  const server = http.createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) send(res, 500, errorPage("Le simulateur FranceConnect a rencontré une erreur."));
      else res.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const issuer = `http://${host}:${port}${STANDIN_MOUNT_PATH}`;
  provider = buildProvider();

  function buildProvider(): Provider {
    const scopes = ["openid", "identite_pivot", ...IDENTITE_PIVOT_CLAIMS];
    const configuration: Configuration = {
      clients: options.clients.map((client) => ({
        client_id: client.clientId,
        client_secret: client.clientSecret,
        client_name: client.name,
        redirect_uris: client.redirectUris,
        post_logout_redirect_uris: client.postLogoutRedirectUris,
        response_types: ["code"],
        grant_types: ["authorization_code"],
        token_endpoint_auth_method: "client_secret_post",
        id_token_signed_response_alg: "ES256",
        userinfo_signed_response_alg: "ES256",
        subject_type: "pairwise",
      })),
      jwks: { keys: [signingKey.privateJwk as never] },
      cookies: { keys: cookieKeys },
      routes: { authorization: "/authorize", token: "/token", userinfo: "/userinfo", end_session: "/session/end", jwks: "/jwks" },
      scopes,
      claims: {
        openid: ["sub"],
        identite_pivot: [...IDENTITE_PIVOT_CLAIMS],
        ...Object.fromEntries(IDENTITE_PIVOT_CLAIMS.map((claim) => [claim, [claim]])),
      },
      acrValues: [EIDAS1],
      subjectTypes: ["pairwise"],
      responseTypes: ["code"],
      pkce: { required: () => false },
      enabledJWA: { idTokenSigningAlgValues: ["ES256"], userinfoSigningAlgValues: ["ES256"] },
      features: {
        devInteractions: { enabled: false },
        jwtUserinfo: { enabled: true },
        rpInitiatedLogout: {
          enabled: true,
          logoutSource: async (ctx: KoaContextWithOIDC, form: string) => {
            ctx.type = "html";
            ctx.body = logoutPage(form);
          },
          postLogoutSuccessSource: async (ctx: KoaContextWithOIDC) => {
            ctx.type = "html";
            ctx.body = loggedOutPage();
          },
        },
      },
      ttl: { AccessToken: 60, AuthorizationCode: 60, IdToken: 60, Interaction: 600, Session: 3600, Grant: 3600 },
      interactions: { url: (_ctx, interaction) => `${STANDIN_MOUNT_PATH}/interaction/${interaction.uid}` },
      pairwiseIdentifier: async (_ctx, accountId, client) =>
        `${createHash("sha256").update(`${client.sectorIdentifier ?? client.clientId}|${accountId}|${pairwiseSalt}`).digest("hex")}v1`,
      findAccount: async (_ctx, id) => {
        const identity = byLogin.get(id);
        if (!identity) return undefined;
        return { accountId: id, claims: async () => ({ sub: id, ...identityClaims(identity) }) };
      },
      renderError: async (ctx, out) => {
        ctx.type = "html";
        ctx.body = errorPage(ERROR_MESSAGES[out.error] ?? "La demande de connexion n'a pas pu être traitée.");
      },
    };
    const created = new Provider(issuer, configuration);
    created.use(async (ctx, next) => {
      await next();
      const current = tampering;
      const route = (ctx as KoaContextWithOIDC).oidc?.route;
      if (!current || ctx.status !== 200) return;
      if (route === "token" && current.idToken && typeof (ctx.body as { id_token?: unknown })?.id_token === "string") {
        const body = ctx.body as { id_token: string };
        ctx.body = { ...body, id_token: await current.idToken(decodeJwt(body.id_token), forge) };
      }
      if (route === "userinfo" && current.userinfo === "unsigned" && typeof ctx.body === "string") {
        const claims = decodeJwt(ctx.body);
        ctx.type = "application/json";
        ctx.body = claims;
      }
    });
    return created;
  }

  async function handle(req: http.IncomingMessage, res: http.ServerResponse) {
    const url = new URL(req.url ?? "/", `http://${host}:${port}`);
    if (!url.pathname.startsWith(`${STANDIN_MOUNT_PATH}/`)) return send(res, 404, errorPage("Cette page n'existe pas."));
    const path = url.pathname.slice(STANDIN_MOUNT_PATH.length);

    if (path.startsWith("/interaction/")) return interaction(req, res, path);
    if (path === "/authorize") {
      // FranceConnect refuses a request without state or nonce: the service could not check what comes back.
      if (req.method !== "GET") return send(res, 405, errorPage("La demande de connexion doit être envoyée par GET."));
      const missing = ["state", "nonce"].filter((name) => !url.searchParams.get(name));
      if (missing.length) {
        return send(res, 400, errorPage(`La demande de connexion est refusée : paramètre ${missing.join(" et ")} manquant.`));
      }
      const acr = url.searchParams.get("acr_values");
      if (acr !== null && acr.split(" ").some((value) => value !== EIDAS1)) {
        return send(res, 400, errorPage(`La demande de connexion est refusée : seul le niveau ${EIDAS1} est proposé.`));
      }
    }
    // oidc-provider serves its routes from the root: mount it under /api/v2 (it reads originalUrl for its own URLs).
    (req as http.IncomingMessage & { originalUrl?: string }).originalUrl = req.url;
    req.url = `${path}${url.search}`;
    await provider.callback()(req, res);
  }

  async function interaction(req: http.IncomingMessage, res: http.ServerResponse, path: string) {
    const [, , uid, step] = path.split("/");
    const details = await provider.interactionDetails(req, res).catch(() => null);
    if (!details || details.uid !== uid) return send(res, 400, errorPage(ERROR_MESSAGES.session_not_found!));
    const base = `${STANDIN_MOUNT_PATH}/interaction/${details.uid}`;
    const clientId = String(details.params.client_id ?? "");
    const clientName = clientNames.get(clientId) ?? "Le service";

    if (req.method === "GET" && step === undefined) {
      if (details.prompt.name === "login") {
        return send(res, 200, identityChoicePage({ action: `${base}/login`, abortAction: `${base}/abort`, identities, clientName }));
      }
      const identity = byLogin.get(details.session?.accountId ?? "");
      if (!identity) return send(res, 400, errorPage(ERROR_MESSAGES.session_not_found!));
      return send(res, 200, continuePage({ action: `${base}/confirm`, identity, clientName }));
    }
    if (req.method !== "POST") return send(res, 405, errorPage("Méthode non prise en charge."));

    if (step === "login") {
      const login = new URLSearchParams(await readBody(req)).get("login") ?? "";
      if (!byLogin.has(login)) return send(res, 400, errorPage("Choisissez une des identités proposées."));
      return provider.interactionFinished(req, res, { login: { accountId: login, acr: EIDAS1, amr: ["pwd"] } }, { mergeWithLastSubmission: false });
    }
    if (step === "confirm") {
      const accountId = details.session?.accountId;
      if (!accountId || details.prompt.name !== "consent") return send(res, 400, errorPage(ERROR_MESSAGES.session_not_found!));
      const grant = details.grantId ? await provider.Grant.find(details.grantId) : new provider.Grant({ accountId, clientId });
      if (!grant) return send(res, 400, errorPage(ERROR_MESSAGES.session_not_found!));
      const scope = String(details.params.scope ?? "openid");
      grant.addOIDCScope(scope);
      const grantId = await grant.save();
      return provider.interactionFinished(req, res, { consent: { grantId } }, { mergeWithLastSubmission: true });
    }
    if (step === "abort") {
      return provider.interactionFinished(req, res, { error: "access_denied", error_description: "La personne a annulé la connexion." }, { mergeWithLastSubmission: false });
    }
    return send(res, 404, errorPage("Cette page n'existe pas."));
  }

  return {
    issuer,
    port,
    async rotateKeys() {
      signingKey = await newSigningKey();
      provider = buildProvider();
    },
    setTampering(next) {
      tampering = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function send(res: http.ServerResponse, status: number, html: string) {
  res.writeHead(status, { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" });
  res.end(html);
}

async function readBody(req: http.IncomingMessage, limit = 10_000): Promise<string> {
  let body = "";
  for await (const chunk of req) {
    body += chunk;
    if (body.length > limit) throw new Error("Corps de requête trop long.");
  }
  return body;
}
