import "server-only";
import { headers } from "next/headers";

/**
 * The client's IP address as seen by the Next.js server. `next start` appends the socket's address to
 * x-forwarded-for, so the last entry is the one a client cannot forge. Behind a reverse proxy, set
 * TRUSTED_PROXY_HOPS to the number of proxies in front of the portal.
 */
export async function clientAddress(): Promise<string> {
  const forwarded = (await headers()).get("x-forwarded-for") ?? "";
  const entries = forwarded.split(",").map((e) => e.trim()).filter(Boolean);
  const hops = Math.max(0, Number(process.env.TRUSTED_PROXY_HOPS ?? 0) || 0);
  const address = entries[entries.length - 1 - hops] ?? entries[0] ?? "0.0.0.0";
  return address.replace(/^::ffff:/, "").slice(0, 45);
}

export async function clientUserAgent(): Promise<string | null> {
  return (await headers()).get("user-agent");
}
