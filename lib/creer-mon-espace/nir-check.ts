// "J'ai un numéro de sécurité sociale": the NIR must carry a valid key (parseNir) and agree with the identity
// declared in the draft (sex, birth year and month, birthplace: department or city of an arrondissement, former
// commune codes, 99 and the country abroad, pre-independence departments). The comparison is lib/identity's.
import { parseNir } from "../identity/nir";
import { checkNirConsistency } from "../identity/nir-consistency";
import type { IdentiteBrouillon, NaissanceBrouillon } from "./draft";

export type NirDecision = { ok: true; nir: string } | { ok: false; raisons: string[] };

export function decideNir(nir: string, identite: IdentiteBrouillon, naissance: NaissanceBrouillon): NirDecision {
  const parsed = parseNir(nir);
  if (!parsed.ok) return { ok: false, raisons: [parsed.error] };
  const checked = checkNirConsistency(parsed.value, {
    sexe: identite.sexe,
    dateNaissance: identite.dateNaissance,
    lieuNaissance: naissance.lieu === "france" ? { pays: "FRANCE", codeInsee: naissance.communeCode } : { pays: naissance.paysNom, codeInsee: naissance.paysCode },
  });
  return checked.ok ? { ok: true, nir: parsed.value.normalise } : { ok: false, raisons: checked.errors };
}
