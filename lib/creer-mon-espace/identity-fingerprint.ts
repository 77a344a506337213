// One person per identity among the people who created their space online: the keyed hash of the normalised
// identity (birth name, first names, sex, birth date, birthplace) is a unique column. Case, accents, hyphens and
// apostrophes do not make another person ("N'Diaye" is "NDIAYE"… see normaliseName); a usage name does not count.
import { lookupHash, type FieldKeys } from "../crypto/field-encryption";
import { normaliseName } from "../identity/person-name";
import type { IdentiteBrouillon, NaissanceBrouillon } from "./draft";

export function identityFingerprint(identite: IdentiteBrouillon, naissance: NaissanceBrouillon, keys: FieldKeys): string {
  const lieu = naissance.lieu === "france" ? `FR:${naissance.communeCode}` : `${naissance.paysCode}:${normaliseName(naissance.ville)}`;
  const parts = ["identite-v1", normaliseName(identite.nomNaissance), identite.prenoms.map(normaliseName).join(","), identite.sexe, identite.dateNaissance, lieu];
  return lookupHash(parts.join("|"), keys);
}
