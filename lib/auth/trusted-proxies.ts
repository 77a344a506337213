// Which address is the client's: the portal decides it from the TCP connection, never from what the client says.
// The connecting peer is the client, unless it is one of TRUSTED_PROXIES (addresses or CIDR ranges of the reverse
// proxies in front of the portal): then X-Forwarded-For is read from the right, and the first address that is not
// a trusted proxy is the client. Whatever lies further left was written by the client and is never used.
import ipaddr from "ipaddr.js";
import { ConfigurationError } from "../db/database-config";

type Range = [ipaddr.IPv4 | ipaddr.IPv6, number];

export type TrustedProxies = { ranges: readonly Range[] };

export const NO_TRUSTED_PROXY: TrustedProxies = { ranges: [] };

/** IPv4-mapped IPv6 addresses (::ffff:192.0.2.1) are the IPv4 address they carry. */
function parseAddress(text: string): ipaddr.IPv4 | ipaddr.IPv6 | null {
  const trimmed = text.trim().replace(/^\[(.*)\]$/, "$1");
  if (!ipaddr.isValid(trimmed)) return null;
  // Only the canonical forms: "1" or "0x7f.1" are valid for ipaddr.js but never written by a proxy.
  if (!ipaddr.IPv4.isValidFourPartDecimal(trimmed) && !ipaddr.IPv6.isValid(trimmed)) return null;
  return ipaddr.process(trimmed);
}

/** TRUSTED_PROXIES: addresses or CIDR ranges, separated by commas or spaces. Unset or empty: no proxy is trusted. */
export function parseTrustedProxies(value: string | undefined): TrustedProxies {
  const entries = (value ?? "").split(/[\s,]+/).filter(Boolean);
  const ranges: Range[] = [];
  for (const entry of entries) {
    const [base, bits, ...rest] = entry.split("/");
    const address = rest.length === 0 && base ? parseAddress(base) : null;
    const written = base?.includes(":") ? 128 : 32;
    const prefix = bits === undefined ? written : /^\d{1,3}$/.test(bits) ? Number(bits) : NaN;
    // An IPv4-mapped IPv6 range (::ffff:10.0.0.0/104) is the IPv4 range it carries (10.0.0.0/8).
    const effective = address?.kind() === "ipv4" && written === 128 ? prefix - 96 : prefix;
    if (!address || !(prefix <= written && effective >= 0)) {
      throw new ConfigurationError(
        `TRUSTED_PROXIES contient « ${entry.slice(0, 60)} », qui n'est ni une adresse IP ni une plage CIDR : indiquez les adresses ou plages de vos mandataires inverses, séparées par des virgules (par exemple 10.0.0.0/8, 2001:db8::1).`,
      );
    }
    ranges.push([address, effective]);
  }
  return { ranges };
}

function isTrusted(address: ipaddr.IPv4 | ipaddr.IPv6, trusted: TrustedProxies): boolean {
  return trusted.ranges.some(([range, bits]) => range.kind() === address.kind() && address.match(range, bits));
}

/** Returned when the socket has no usable address (a closed connection): one shared bucket, never a client value. */
export const UNKNOWN_CLIENT_ADDRESS = "inconnue";

/**
 * The client's address from the socket's peer address and the X-Forwarded-For header(s) received.
 * Without a trusted proxy in front, the header is ignored altogether.
 */
export function resolveClientAddress(socketAddress: string | undefined, forwardedFor: string | readonly string[] | undefined, trusted: TrustedProxies): string {
  const peer = socketAddress ? parseAddress(socketAddress) : null;
  if (!peer) return UNKNOWN_CLIENT_ADDRESS;
  let client = peer;
  if (!isTrusted(client, trusted)) return client.toString();
  const header = typeof forwardedFor === "string" ? forwardedFor : (forwardedFor ?? []).join(",");
  const hops = header.split(",").map((entry) => entry.trim()).filter(Boolean);
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = parseAddress(hops[i]!);
    // Garbage where an address should be: the last proxy that spoke is the client we can vouch for.
    if (!hop) break;
    client = hop;
    if (!isTrusted(hop, trusted)) break;
  }
  return client.toString();
}
