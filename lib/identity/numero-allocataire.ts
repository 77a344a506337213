/** Numéro allocataire: the 7-digit file number printed on every letter from the Caf. */

export type NumeroAllocataireResult = { ok: true; value: string } | { ok: false; error: string };

export const NUMERO_ALLOCATAIRE_MESSAGES = {
  obligatoire: "Le numéro allocataire est obligatoire.",
  caracteres: "Le numéro allocataire ne peut contenir que des chiffres.",
  longueur: "Le numéro allocataire doit comporter 7 chiffres.",
} as const;

export function parseNumeroAllocataire(input: string): NumeroAllocataireResult {
  // Spaces are tolerated: letters print it as "123 4567".
  const s = input.replace(/[\s\u00a0\u202f\u2007\u2060\ufeff]/g, "");
  if (s.length === 0) return { ok: false, error: NUMERO_ALLOCATAIRE_MESSAGES.obligatoire };
  if (!/^\d+$/.test(s)) return { ok: false, error: NUMERO_ALLOCATAIRE_MESSAGES.caracteres };
  if (s.length !== 7) return { ok: false, error: NUMERO_ALLOCATAIRE_MESSAGES.longueur };
  return { ok: true, value: s };
}
