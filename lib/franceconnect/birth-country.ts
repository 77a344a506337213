// FranceConnect gives the birth country as its code in INSEE's Code officiel géographique (COG: 99 + 3 digits,
// 99100 for France). The Caf's records hold the country's name (Personne.lieuNaissancePays, upper case, no
// accents). This table translates the codes of the countries our records use; a code that is not here cannot be
// compared, so it matches nobody (the person is told to sign in with their NIR). Extend it as records require.
export const FRANCE_COG = "99100";

const COUNTRIES_BY_COG: Readonly<Record<string, string>> = {
  "99100": "FRANCE",
  "99109": "ALLEMAGNE",
  "99127": "ITALIE",
  "99131": "BELGIQUE",
  "99132": "ROYAUME-UNI",
  "99134": "ESPAGNE",
  "99137": "LUXEMBOURG",
  "99139": "PORTUGAL",
  "99140": "SUISSE",
  "99208": "TURQUIE",
  "99341": "SENEGAL",
  "99350": "MAROC",
  "99351": "TUNISIE",
  "99352": "ALGERIE",
};

export function countryNameFromCog(code: string): string | null {
  return COUNTRIES_BY_COG[code.trim()] ?? null;
}
