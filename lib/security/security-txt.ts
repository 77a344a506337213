// The text of /.well-known/security.txt (RFC 9116): Contact, Expires (required), Preferred-Languages, Policy and
// Canonical. Expires is less than a year ahead, as the RFC recommends.
export const SECURITY_TXT_VALIDITY_DAYS = 180;
export const DEFAULT_SECURITY_CONTACT = "mailto:securite@example.org";

export function securityTxt({ origin, contact, now }: { origin: string; contact?: string; now: Date }): string {
  const configured = contact?.trim();
  const expires = new Date(now.getTime() + SECURITY_TXT_VALIDITY_DAYS * 24 * 60 * 60 * 1000);
  expires.setUTCHours(0, 0, 0, 0);
  return [
    "# Signaler une faille de sécurité de Mon Compte / Reporting a security vulnerability in Mon Compte",
    `Contact: ${configured && /^(mailto:|https:)/.test(configured) ? configured : DEFAULT_SECURITY_CONTACT}`,
    `Expires: ${expires.toISOString().replace(".000Z", "Z")}`,
    "Preferred-Languages: fr, en",
    `Policy: ${origin}/securite`,
    `Canonical: ${origin}/.well-known/security.txt`,
    "",
  ].join("\n");
}
