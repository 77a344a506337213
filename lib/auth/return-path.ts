// Where to go after login: only a path of this site. Anything else (another site, a protocol-relative URL,
// a backslash trick) falls back to the tableau de bord.
export const DEFAULT_RETURN_PATH = "/tableau-de-bord";

export function safeReturnPath(candidate: unknown): string {
  if (typeof candidate !== "string" || candidate.length > 512) return DEFAULT_RETURN_PATH;
  if (!candidate.startsWith("/") || candidate.startsWith("//") || candidate.includes("\\")) return DEFAULT_RETURN_PATH;
  if (/[\u0000-\u001f\u007f]/.test(candidate)) return DEFAULT_RETURN_PATH;
  try {
    const url = new URL(candidate, "http://moncompte.invalid");
    if (url.origin !== "http://moncompte.invalid") return DEFAULT_RETURN_PATH;
    if (url.pathname.startsWith("/connexion") || url.pathname.startsWith("/api/")) return DEFAULT_RETURN_PATH;
    return `${url.pathname}${url.search}`;
  } catch {
    return DEFAULT_RETURN_PATH;
  }
}
