// Server side and admin command line (no "server-only" marker: `npm run admin` runs under plain tsx).
import { communeActuelleDe } from "../geo/communes";
import {
  checkNirMatchesIdentity,
  parseNir,
  villeDeLArrondissement,
  type IdentityForNirCheck,
  type Nir,
  type NirIdentityCheck,
  type NirPlaces,
} from "./nir";

/**
 * The State's list of communes as the consistency check sees it: an arrondissement is its city, a commune déléguée
 * or associée and a former code are the commune nouvelle they joined; a code the list does not know is null
 * (the check then compares the department only).
 */
export const COG_NIR_PLACES: NirPlaces = {
  communeActuelleDe: (code) => villeDeLArrondissement(code) ?? communeActuelleDe(code),
};

export type NirConsistency = NirIdentityCheck;

/**
 * Is this NIR consistent with the identity the person declared? A string is parsed first (a NIR whose key is wrong
 * gives the parsing message). Each mismatch comes as one plain French sentence saying what differs.
 */
export function checkNirConsistency(nir: string | Nir, identity: IdentityForNirCheck): NirConsistency {
  let parsed: Nir;
  if (typeof nir === "string") {
    const r = parseNir(nir);
    if (!r.ok) return { ok: false, errors: [r.error] };
    parsed = r.value;
  } else {
    parsed = nir;
  }
  return checkNirMatchesIdentity(parsed, identity, COG_NIR_PLACES);
}
