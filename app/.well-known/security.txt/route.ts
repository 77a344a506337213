// /.well-known/security.txt (RFC 9116): how to report a vulnerability. Served from the request's own origin, so the
// Canonical and Policy addresses are right wherever the portal is deployed. The contact comes from SECURITY_CONTACT
// (a mailto: or https: address, README); Expires is always six months ahead: the file is generated from the live
// configuration at each request, so what it says is never older than that configuration.
import { securityTxt } from "@/lib/security/security-txt";

export const dynamic = "force-dynamic";

export function GET(request: Request): Response {
  return new Response(securityTxt({ origin: new URL(request.url).origin, contact: process.env.SECURITY_CONTACT, now: new Date() }), {
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "public, max-age=86400" },
  });
}
