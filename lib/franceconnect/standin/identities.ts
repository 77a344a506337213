// The identities the local FranceConnect stand-in offers: the `franceConnect.identites` of the demo personas
// (prisma/seed/personas.json, the project's own copy). Every one of them is fictitious.
import personasFile from "../../../prisma/seed/personas.json" with { type: "json" };
import type { IdentityPivot } from "../match-identity";

/** An identity as FranceConnect v2 hands it over (the "identité pivot"), plus the login that picks it here. */
export type StandinIdentity = IdentityPivot & {
  login: string;
  /** Usage name, when there is one. */
  preferred_username?: string;
};

type PersonasWithFranceConnect = { franceConnect: { identites: StandinIdentity[] } };

export const STANDIN_IDENTITIES: readonly StandinIdentity[] = (personasFile as unknown as PersonasWithFranceConnect).franceConnect.identites;

/** The claims of the identité pivot, as the userinfo endpoint returns them. */
export function identityClaims(identity: StandinIdentity): Record<string, string> {
  const { login: _login, ...claims } = identity;
  return Object.fromEntries(Object.entries(claims).filter(([, value]) => value !== undefined)) as Record<string, string>;
}
