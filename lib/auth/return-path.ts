// Where to go after login (and after accepting the CGU): only a path of this site. Anything else falls back to
// the tableau de bord. The value comes from the address bar, so it is judged twice: the raw text must hold none
// of the tricks a URL parser or a browser would fold into another site's address (dot segments, encoded or not;
// backslashes; control characters, which the parser silently drops), and the normalised result must still be a
// path with exactly one leading slash, on this origin. The rule is described in README.md ("Return after login").
export const DEFAULT_RETURN_PATH = "/tableau-de-bord";

const MAX_LENGTH = 512;
/** Percent-decoding rounds before giving up: more layers of encoding than this is not an honest link. */
const MAX_DECODING_ROUNDS = 3;
const ORIGIN = "http://moncompte.invalid";
// C0 and C1 control characters, DEL, and the Unicode line and paragraph separators.
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;
/** A path segment that is "." or "..", once decoded. */
const DOT_SEGMENT = /(^|\/)\.{1,2}(\/|$)/;

/** The text with every layer of percent-encoding removed; null when it is not valid percent-encoding. */
function fullyDecoded(text: string): string | null {
  let current = text;
  for (let round = 0; round < MAX_DECODING_ROUNDS; round += 1) {
    let next: string;
    try {
      next = decodeURIComponent(current);
    } catch {
      return null;
    }
    if (next === current) return current;
    current = next;
  }
  return decodeURIComponent(current) === current ? current : null;
}

function isSafeText(raw: string): boolean {
  if (CONTROL.test(raw) || raw.includes("\\")) return false;
  const pathPart = raw.split(/[?#]/, 1)[0]!;
  const decodedPath = fullyDecoded(pathPart);
  const decoded = fullyDecoded(raw);
  if (decodedPath === null || decoded === null) return false;
  if (CONTROL.test(decoded) || decoded.includes("\\")) return false;
  // No dot segment and no empty segment in the path, even encoded: nothing a server or browser could fold.
  return !DOT_SEGMENT.test(decodedPath) && !decodedPath.includes("//");
}

/** One leading slash, then a path of this origin. */
function isSameSitePath(path: string): boolean {
  return path.startsWith("/") && !path.startsWith("//") && !CONTROL.test(path) && !path.includes("\\") && new URL(path, ORIGIN).origin === ORIGIN;
}

export function safeReturnPath(candidate: unknown): string {
  if (typeof candidate !== "string" || candidate.length > MAX_LENGTH) return DEFAULT_RETURN_PATH;
  if (!isSameSitePath(candidate) || !isSafeText(candidate)) return DEFAULT_RETURN_PATH;
  let url: URL;
  try {
    url = new URL(candidate, ORIGIN);
  } catch {
    return DEFAULT_RETURN_PATH;
  }
  if (url.origin !== ORIGIN) return DEFAULT_RETURN_PATH;
  if (url.pathname.startsWith("/connexion") || url.pathname.startsWith("/api/")) return DEFAULT_RETURN_PATH;
  const result = `${url.pathname}${url.search}`;
  // The normalised result is judged again: it is what the browser will be sent to.
  if (!isSameSitePath(result) || !isSafeText(result)) return DEFAULT_RETURN_PATH;
  return result;
}
