import "server-only";
import { headers } from "next/headers";
import { UNKNOWN_CLIENT_ADDRESS } from "./trusted-proxies";

/** Set by the portal's own HTTP server (scripts/serve-portal.ts), which writes the client address itself. */
export const CLIENT_ADDRESS_HEADER = "x-forwarded-for";
export const CLIENT_ADDRESS_OWNER_ENV = "MON_COMPTE_CLIENT_ADDRESS_FROM_SOCKET";

/**
 * The client's IP address, as decided by the portal's HTTP server from the socket and TRUSTED_PROXIES: that server
 * replaces whatever the client sent in X-Forwarded-For. Anywhere else (`next dev`), the header could come from the
 * client, so every request shares one "unknown" address rather than trusting it.
 */
export async function clientAddress(): Promise<string> {
  if (process.env[CLIENT_ADDRESS_OWNER_ENV] !== "1") return UNKNOWN_CLIENT_ADDRESS;
  return (await headers()).get(CLIENT_ADDRESS_HEADER)?.slice(0, 45) || UNKNOWN_CLIENT_ADDRESS;
}

export async function clientUserAgent(): Promise<string | null> {
  return (await headers()).get("user-agent");
}
