/** A 303 redirect to a path of the portal (relative Location) or to FranceConnect, never cached. */
export function seeOther(location: string): Response {
  return new Response(null, { status: 303, headers: { Location: location, "Cache-Control": "no-store" } });
}
