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
