// Names as compared between two records of the same person (identifier recovery, FranceConnect identity matching).

/**
 * "Lefèvre", "LEFEVRE" and " lefevre " are one name; so are "Jean-Pierre" and "Jean Pierre", "N'Diaye" and
 * "N’DIAYE", and "Œ" and "OE". Nothing else is forgiven: "Marc" is not "Marcel".
 */
export function normaliseName(name: string): string {
  return name
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/œ/gi, "oe")
    .replace(/æ/gi, "ae")
    .toUpperCase()
    .replace(/[\s\-‐‑–—'’]+/g, " ")
    .trim();
}

export type PersonNames = { prenoms: string[]; nomNaissance: string; nomUsage: string | null };

/** "Karim BERNARD": the first prénom and the name in use, in capitals — how the portal names a person to others. */
export function displayName(p: PersonNames): string {
  return `${p.prenoms[0] ?? ""} ${(p.nomUsage ?? p.nomNaissance).toLocaleUpperCase("fr-FR")}`.trim();
}

/**
 * The word that agrees with a named person whose sex the dossier records: "informé" or "informée", "il" or "elle".
 * The portal never writes "informé(e)" or "il ou elle" about someone it knows.
 */
export function agreeWith(sexe: "M" | "F", words: { M: string; F: string }): string {
  return words[sexe];
}
