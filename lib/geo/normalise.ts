/**
 * Place names compared the way people type them: no accents, no case, hyphens, apostrophes and repeated spaces
 * read as one space, and the usual abbreviations of "Saint"/"Sainte" (St, Ste, S.) read in full.
 * "Saint-Étienne", "st etienne" and "ST-ETIENNE" all become "saint etienne".
 */
export function normalisePlaceName(text: string): string {
  const plain = text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/œ/g, "oe")
    .replace(/æ/g, "ae")
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
  return plain
    .split(" ")
    .map((word) => (word === "st" ? "saint" : word === "ste" ? "sainte" : word))
    .join(" ");
}
