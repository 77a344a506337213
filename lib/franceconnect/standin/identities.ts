// The identities the local FranceConnect stand-in offers: the `franceConnect.identites` of the demo personas
// (prisma/seed/personas.json, the project's own copy). Every one of them is fictitious.
import personasFile from "../../../prisma/seed/personas.json" with { type: "json" };

/** An identity as FranceConnect v2 hands it over (the "identité pivot"), plus the login that picks it here. */
export type StandinIdentity = {
  login: string;
  given_name: string;
  family_name: string;
  /** YYYY-MM-DD */
  birthdate: string;
  gender: "male" | "female";
  /** INSEE code of the birth commune when born in France, "" when born abroad. */
  birthplace: string;
  /** COG code of the birth country: 99100 for France. */
  birthcountry: string;
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
