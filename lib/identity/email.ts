/**
 * E-mail addresses: a pragmatic check (not full RFC 5322) that catches typing mistakes
 * and look-alike characters, and produces a canonical form (domain in lower case).
 */

export type EmailResult = { ok: true; value: string } | { ok: false; error: string };

export const EMAIL_MAX_LENGTH = 254;

export const EMAIL_MESSAGES = {
  obligatoire: "L'adresse électronique est obligatoire.",
  tropLongue: `L'adresse électronique est trop longue (${EMAIL_MAX_LENGTH} caractères au maximum).`,
  espaces: "L'adresse électronique ne doit pas contenir d'espace.",
  nonAscii:
    "L'adresse électronique contient un caractère accentué ou d'un autre alphabet : saisissez-la uniquement avec des lettres sans accent, des chiffres et des signes comme . - _ ou +.",
  format: "L'adresse électronique n'est pas valide : vérifiez qu'elle a la forme nom@domaine.fr.",
} as const;

const LOCAL_ATOM = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+";
/** Dot-atom local part: no leading, trailing or doubled dots. */
const LOCAL_PART = new RegExp(`^${LOCAL_ATOM}(?:\\.${LOCAL_ATOM})*$`);
const DOMAIN_LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
/** Top-level domain: letters, or a punycode TLD. */
const TLD = /^(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$/;

export function parseEmail(input: string): EmailResult {
  const s = input.trim();
  if (s.length === 0) return fail(EMAIL_MESSAGES.obligatoire);
  if (s.length > EMAIL_MAX_LENGTH) return fail(EMAIL_MESSAGES.tropLongue);
  if (/[\s\u00a0\u202f\u2007\u2060\ufeff]/.test(s)) return fail(EMAIL_MESSAGES.espaces);
  // Non-ASCII covers accents and confusables (Cyrillic "а", full-width "＠"…) that would
  // send codes to a different mailbox than the one the person thinks they typed.
  if (/[^\x20-\x7e]/.test(s)) return fail(EMAIL_MESSAGES.nonAscii);

  const parts = s.split("@");
  if (parts.length !== 2) return fail(EMAIL_MESSAGES.format);
  const [local = "", rawDomain = ""] = parts;
  const domain = rawDomain.toLowerCase();

  if (local.length === 0 || local.length > 64 || !LOCAL_PART.test(local)) {
    return fail(EMAIL_MESSAGES.format);
  }
  const labels = domain.split(".");
  if (
    domain.length > 253 ||
    labels.length < 2 ||
    !labels.every((label) => DOMAIN_LABEL.test(label)) ||
    !TLD.test(labels[labels.length - 1] ?? "")
  ) {
    return fail(EMAIL_MESSAGES.format);
  }
  return { ok: true, value: `${local}@${domain}` };
}

function fail(error: string): { ok: false; error: string } {
  return { ok: false, error };
}

/** "claire.martin@example.org" → "c***n@example.org". Short local parts only show their first letter. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf("@");
  if (at < 0) return "***";
  const local = email.slice(0, at);
  const domain = email.slice(at);
  if (local.length <= 2) return `${local.slice(0, 1)}***${domain}`;
  return `${local[0]}***${local[local.length - 1]}${domain}`;
}
