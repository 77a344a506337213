// Each step of "Créer mon espace" turns what was posted into the draft's next state, or into errors for the form
// (nothing saved then). The commune and the country typed in plain fields are resolved here against the State's
// lists (lib/geo): one match is taken, several are offered as a choice, none is an error.
import "server-only";
import { communeByCode, resolveCommune, type CommuneSuggestion } from "../geo/communes";
import { paysByCode, resolvePays, type Pays } from "../geo/pays";
import { parseNir } from "../identity/nir";
import { fieldErrorsFrom } from "../forms/action-result";
import type { Brouillon, NaissanceBrouillon } from "./draft";
import { identiteSchema, naissanceSchema, SAISIE_MESSAGES } from "./inputs";

export type Raw = Record<string, unknown>;
export type StepAnswer<F extends string> =
  | { ok: true; brouillon: Brouillon }
  | { ok: false; fieldErrors: Partial<Record<F, string>>; communes?: CommuneSuggestion[]; pays?: Pays[] };

export const IDENTITE_FIELDS = ["nomNaissance", "nomUsage", "prenoms", "sexe", "dateNaissance"] as const;
export type IdentiteField = (typeof IDENTITE_FIELDS)[number];

const str = (v: unknown) => (typeof v === "string" ? v : undefined);

export function answerIdentite(brouillon: Brouillon, raw: Raw, today: string): StepAnswer<IdentiteField> {
  const parsed = identiteSchema(today).safeParse({
    nomNaissance: str(raw.nomNaissance),
    nomUsage: str(raw.nomUsage),
    prenoms: str(raw.prenoms),
    sexe: str(raw.sexe),
    dateNaissance: { jour: str(raw.jour) ?? "", mois: str(raw.mois) ?? "", annee: str(raw.annee) ?? "" },
  });
  if (brouillon.source === "franceconnect" && brouillon.identite) {
    // Certified by FranceConnect: only the usage name, which FranceConnect may not give, can be typed here.
    const usage = identiteSchema(today).shape.nomUsage.safeParse(str(raw.nomUsage));
    if (!usage.success) return { ok: false, fieldErrors: { nomUsage: usage.error.issues[0]?.message } };
    return { ok: true, brouillon: { ...brouillon, identite: { ...brouillon.identite, nomUsage: usage.data } } };
  }
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsFrom<IdentiteField>(parsed.error.issues) };
  return { ok: true, brouillon: { ...brouillon, identite: parsed.data } };
}

export const NAISSANCE_FIELDS = ["lieu", "commune", "pays", "ville", "parent1Nom", "parent1Prenoms", "parent2Nom", "parent2Prenoms"] as const;
export type NaissanceField = (typeof NAISSANCE_FIELDS)[number];

export function answerNaissance(brouillon: Brouillon, raw: Raw): StepAnswer<NaissanceField> {
  const locked = brouillon.naissanceVerrouillee;
  const lieu = locked ? locked.lieu : str(raw.lieu);
  // A choice among the communes or countries offered after an ambiguous name comes as its code.
  const commune = locked?.lieu === "france" ? locked.communeCode : (str(raw.communeChoisie) ?? str(raw.commune));
  const pays = locked?.lieu === "etranger" ? locked.paysCode : (str(raw.paysChoisi) ?? str(raw.pays));
  const parsed = naissanceSchema.safeParse({
    lieu,
    commune,
    pays,
    ville: str(raw.ville),
    parent1Nom: str(raw.parent1Nom),
    parent1Prenoms: str(raw.parent1Prenoms),
    parent2Nom: str(raw.parent2Nom),
    parent2Prenoms: str(raw.parent2Prenoms),
  });
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsFrom<NaissanceField>(parsed.error.issues) };
  const v = parsed.data;
  let naissance: NaissanceBrouillon;
  if (v.lieu === "france") {
    const known = /^[0-9][0-9AB]\d{3}$/i.test(v.commune.trim()) ? communeByCode(v.commune.trim().toUpperCase()) : null;
    const resolved = known ? ({ kind: "found", commune: known } as const) : resolveCommune(v.commune);
    if (resolved.kind === "none") return { ok: false, fieldErrors: { commune: "Nous ne trouvons pas cette commune dans la liste officielle des communes françaises. Vérifiez son orthographe, ou indiquez son nom complet avec le département, par exemple « Saint-Denis (974) »." } };
    if (resolved.kind === "ambiguous") {
      return { ok: false, fieldErrors: { commune: "Plusieurs communes correspondent à ce nom : choisissez la vôtre dans la liste." }, communes: resolved.candidates };
    }
    naissance = { lieu: "france", communeCode: resolved.commune.code, communeNom: resolved.commune.nom };
  } else {
    const resolved = /^99\d{3}$/.test(v.pays) ? (v.pays === "99100" ? ({ kind: "france" } as const) : paysOf(v.pays)) : resolvePays(v.pays);
    if (resolved.kind === "france") return { ok: false, fieldErrors: { pays: SAISIE_MESSAGES.paysFrance } };
    if (resolved.kind === "none") return { ok: false, fieldErrors: { pays: "Nous ne trouvons pas ce pays. Vérifiez son orthographe (par exemple « Sénégal »)." } };
    if (resolved.kind === "ambiguous") {
      return { ok: false, fieldErrors: { pays: "Plusieurs pays correspondent à ce nom : choisissez le vôtre dans la liste." }, pays: resolved.candidates };
    }
    naissance = {
      lieu: "etranger",
      paysCode: resolved.pays.code,
      paysNom: resolved.pays.nomEnregistre,
      ville: v.ville,
      parents: [
        { nomNaissance: v.parent1Nom, prenoms: v.parent1Prenoms },
        { nomNaissance: v.parent2Nom, prenoms: v.parent2Prenoms },
      ],
    };
  }
  return { ok: true, brouillon: { ...brouillon, naissance } };
}

function paysOf(code: string): { kind: "found"; pays: Pays } | { kind: "none" } {
  const p = paysByCode(code);
  return p ? { kind: "found", pays: p } : { kind: "none" };
}

export type NumeroField = "aUnNir" | "nir";

export function answerNumero(brouillon: Brouillon, raw: Raw): StepAnswer<NumeroField> {
  const choice = str(raw.aUnNir);
  if (choice === "non") return { ok: true, brouillon: { ...brouillon, numero: { aUnNir: false } } };
  if (choice !== "oui") return { ok: false, fieldErrors: { aUnNir: SAISIE_MESSAGES.aUnNir } };
  const nir = parseNir((str(raw.nir) ?? "").slice(0, 64));
  if (!nir.ok) return { ok: false, fieldErrors: { nir: nir.error } };
  return { ok: true, brouillon: { ...brouillon, numero: { aUnNir: true, nir: nir.value.normalise } } };
}
