// How a person's NIR is shown back to them: enough to recognise it, not enough to copy it. Kept: the sex digit, the
// year and month of birth (the page shows them anyway) and the 2-digit key; hidden: the place of birth and the order
// number (10 digits), which are what make the number a full identifier.

const HIDDEN = "•";

/** "290013306308710" → "2 90 01 •• ••• ••• 10"; anything that is not 15 characters → a fully hidden form. */
export function maskNir(nir: string): string {
  const s = nir.replace(/\s/g, "").toUpperCase();
  if (!/^[12378]\d{2}(0[1-9]|1[0-2]|[2-9]\d)(\d{2}|2A|2B)\d{6}\d{2}$/.test(s)) return `${HIDDEN} ${HIDDEN.repeat(2)} ${HIDDEN.repeat(2)} ${HIDDEN.repeat(2)} ${HIDDEN.repeat(3)} ${HIDDEN.repeat(3)} ${HIDDEN.repeat(2)}`;
  return `${s[0]} ${s.slice(1, 3)} ${s.slice(3, 5)} ${HIDDEN.repeat(2)} ${HIDDEN.repeat(3)} ${HIDDEN.repeat(3)} ${s.slice(13, 15)}`;
}

/** The same, read aloud by a screen reader ("deux, quatre-vingt-dix, zéro un, puis dix chiffres masqués, clé 10"). */
export function maskNirForScreenReader(nir: string): string {
  const masked = maskNir(nir);
  const parts = masked.split(" ");
  if (parts[0] === HIDDEN) return "numéro masqué";
  return `${parts[0]} ${parts[1]} ${parts[2]}, dix chiffres masqués, clé ${parts[6]}`;
}
