// Runs before every page: a fresh nonce per request, and a Content-Security-Policy that allows only this
// origin and scripts carrying that nonce. Next.js reads the nonce from the request's CSP header.
import { NextResponse, type NextRequest } from "next/server";
import { clockNow } from "./lib/clock";
import { appConfig } from "./lib/config/app-config";
import { ACTIVITY_REFRESH_SECONDS, SESSION_COOKIE, SESSION_COOKIE_OPTIONS, decodeSession, encodeSession, sessionExpiry } from "./lib/auth/session-token";

export function contentSecurityPolicy(
  nonce: string,
  { dev, https, formTargets = [] }: { dev: boolean; https: boolean; formTargets?: string[] },
): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    // DSFR components set a few style attributes; styles cannot run code, scripts stay strict.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    // Browsers apply form-action to the redirects that follow a form post too: "Se déconnecter" (a plain form) ends
    // at FranceConnect's end_session after a FranceConnect login.
    `form-action 'self'${formTargets.map((origin) => ` ${origin}`).join("")}`,
    "frame-ancestors 'none'",
    // Only behind HTTPS: on a plain-HTTP demo it would send the browser to an https:// port that does not exist.
    ...(https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

export async function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  const https = request.nextUrl.protocol === "https:" || request.headers.get("x-forwarded-proto") === "https";
  const csp = contentSecurityPolicy(nonce, { dev: process.env.NODE_ENV === "development", https, formTargets: franceConnectOrigins() });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", csp);
  requestHeaders.set("x-pathname", `${request.nextUrl.pathname}${request.nextUrl.search}`);
  const session = await refreshSessionActivity(request);
  if (session.clear) requestHeaders.set("cookie", withoutCookie(request.headers.get("cookie") ?? "", SESSION_COOKIE)); // the pages below see no session
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  if (session.clear) response.cookies.delete({ name: SESSION_COOKIE, ...SESSION_COOKIE_OPTIONS });
  if (session.refreshed) response.cookies.set(SESSION_COOKIE, session.refreshed, SESSION_COOKIE_OPTIONS);
  return response;
}

export const config = {
  matcher: [{ source: "/((?!_next/static|_next/image|favicon.ico|dsfr/).*)" }],
};

/** Keeps the idle clock of an active session up to date, and drops a session that timed out. */
async function refreshSessionActivity(request: NextRequest): Promise<{ clear?: boolean; refreshed?: string }> {
  const value = request.cookies.get(SESSION_COOKIE)?.value;
  if (!value) return {};
  const secret = appConfig().authSecret;
  const claims = await decodeSession(value, secret);
  // The portal's clock (lib/clock.ts): the system clock, which the demo tool /dev/horloge may set (demo mode only).
  const now = Math.floor(clockNow().getTime() / 1000);
  if (!claims || sessionExpiry(claims, now)) return { clear: true };
  if (now - claims.activiteA < ACTIVITY_REFRESH_SECONDS) return {};
  return { refreshed: await encodeSession({ ...claims, activiteA: now }, secret) };
}

/** FranceConnect's origin when it is configured (start.ts has checked FRANCECONNECT_ISSUER). */
function franceConnectOrigins(): string[] {
  try {
    const issuer = process.env.FRANCECONNECT_ISSUER?.trim();
    return issuer ? [new URL(issuer).origin] : [];
  } catch {
    return [];
  }
}

function withoutCookie(header: string, name: string): string {
  return header
    .split(";")
    .filter((part) => part.trim().split("=")[0] !== name)
    .join(";");
}
