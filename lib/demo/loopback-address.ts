// Whether an address is this machine's loopback (127.0.0.0/8, ::1, or IPv4 loopback mapped into IPv6): the demo
// tools (/dev/*, the local message sinks) answer such clients only. Anything else — a name, a list, garbage — is not.
import { BlockList, isIPv4, isIPv6 } from "node:net";

const loopback = new BlockList();
loopback.addSubnet("127.0.0.0", 8, "ipv4");
loopback.addAddress("::1", "ipv6");

export function isLoopbackAddress(address: unknown): boolean {
  // Digits, hex letters, colons and dots only: no zone (::1%lo), port, brackets, spaces or list.
  if (typeof address !== "string" || !/^[0-9a-f:.]+$/i.test(address)) return false;
  if (isIPv4(address)) return loopback.check(address, "ipv4");
  // BlockList matches an IPv4-mapped IPv6 address (::ffff:127.0.0.1) against the IPv4 rules.
  if (isIPv6(address)) return loopback.check(address, "ipv6");
  return false;
}

/** The demo tools exist only in demo mode, and only for a client on this machine. */
export function demoToolsAllowed({ mode, clientAddress }: { mode: "demo" | "production"; clientAddress: string }): boolean {
  return mode === "demo" && isLoopbackAddress(clientAddress);
}
