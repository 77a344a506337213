// The return from FranceConnect, from the callback's query to what the browser gets: every check of
// relying-party.ts, then the identity matching of franceconnect-login.ts. Returns what to do (cookies to write and
// where to go); the route handler only applies it. Every refusal opens no session and is journaled (within the
// limits of lib/audit/bounded-journal.ts: nobody is authenticated at that point).
import "server-only";
import { journalUnauthenticated } from "../audit/bounded-journal";
import type { SessionClaims } from "../auth/session-token";
import type { FieldKeys } from "../crypto/field-encryption";
import type { Database } from "../db/open-prisma";
import type { FranceConnectSettings } from "./franceconnect-config";
import type { FlowState, PrefillIdentity } from "./franceconnect-cookies";
import { loginWithFranceConnect } from "./franceconnect-login";
import { FranceConnectRefusedError, FranceConnectUnavailableError, franceConnectRelyingParty, type RefusalReason } from "./relying-party";

/** The public reasons shown on /connexion/franceconnect/erreur (?raison=…); details stay in the journal. */
export type PublicRefusal = "verification" | "expiree" | "annulee" | "niveau" | "identite" | "refusee";

export const FRANCECONNECT_PAGES = {
  indisponible: "/connexion/franceconnect/indisponible",
  aucuneCorrespondance: "/connexion/franceconnect/aucune-correspondance",
  plusieurs: "/connexion/franceconnect/plusieurs-dossiers",
  erreur: (raison: PublicRefusal) => `/connexion/franceconnect/erreur?raison=${raison}`,
} as const;

const PUBLIC_REFUSALS: Record<RefusalReason, PublicRefusal> = {
  REPONSE_INVALIDE: "verification",
  ETAT_INVALIDE: "expiree",
  ANNULEE: "annulee",
  ERREUR_FRANCECONNECT: "verification",
  CODE_REFUSE: "verification",
  JETON_INVALIDE: "verification",
  JETON_EXPIRE: "verification",
  NONCE_INVALIDE: "verification",
  NIVEAU_INSUFFISANT: "niveau",
  USERINFO_NON_SIGNE: "verification",
  USERINFO_INVALIDE: "verification",
  IDENTITE_INCOMPLETE: "identite",
};

export type CallbackResult =
  /** The route handler opens the session and sends the person to sessionHome(claims.etape). */
  | { kind: "connecte"; claims: Omit<SessionClaims, "authentifieA" | "activiteA">; idToken: string; messageId: string | null }
  | { kind: "aucune-correspondance"; redirect: string; identity: PrefillIdentity }
  | { kind: "plusieurs-correspondances"; redirect: string }
  | { kind: "refuse"; redirect: string; reason: RefusalReason | "COMPTE_SUSPENDU" | "SUB_DEJA_LIE" | "MINEUR_SANS_ESPACE" }
  | { kind: "indisponible"; redirect: string };

export type CallbackInput = {
  db: Database;
  keys: FieldKeys;
  settings: FranceConnectSettings;
  /** The callback's query string, as received. */
  query: Record<string, string>;
  /** The login in progress, from its cookie (null when there is none or it is unreadable). */
  expected: FlowState | null;
  ip: string;
  userAgent: string | null;
  now?: Date;
};

export async function completeFranceConnectCallback(input: CallbackInput): Promise<CallbackResult> {
  let verified;
  try {
    const relyingParty = await franceConnectRelyingParty(input.settings);
    verified = await relyingParty.completeCallback(input.query, input.expected);
  } catch (error) {
    if (error instanceof FranceConnectRefusedError) {
      // Nobody has proved who they are yet: anyone can cause this entry, so it is journaled within limits.
      await journalUnauthenticated(input.db, input.keys, {
        type: error.reason === "ANNULEE" ? "CONNEXION_FRANCECONNECT_ANNULEE" : "CONNEXION_FRANCECONNECT_REFUSEE",
        acteur: "systeme",
        ip: input.ip,
        survenuLe: input.now,
        details: { raison: error.reason, detail: error.detail },
      });
      return { kind: "refuse", reason: error.reason, redirect: FRANCECONNECT_PAGES.erreur(PUBLIC_REFUSALS[error.reason]) };
    }
    if (error instanceof FranceConnectUnavailableError) {
      console.warn(`[franceconnect] indisponible : ${error.message}`);
      return { kind: "indisponible", redirect: FRANCECONNECT_PAGES.indisponible };
    }
    throw error;
  }

  const outcome = await loginWithFranceConnect(input.db, input.keys, { sub: verified.sub, identity: verified.identity, ip: input.ip, userAgent: input.userAgent, now: input.now });
  switch (outcome.kind) {
    case "connecte":
      return { kind: "connecte", claims: outcome.claims, idToken: verified.idToken, messageId: outcome.messageId };
    case "aucune-correspondance": {
      const { sub: _sub, ...identity } = verified.identity;
      return { kind: "aucune-correspondance", identity, redirect: FRANCECONNECT_PAGES.aucuneCorrespondance };
    }
    case "plusieurs-correspondances":
      return { kind: "plusieurs-correspondances", redirect: FRANCECONNECT_PAGES.plusieurs };
    case "refuse":
      return { kind: "refuse", reason: outcome.reason, redirect: FRANCECONNECT_PAGES.erreur("refusee") };
  }
}
