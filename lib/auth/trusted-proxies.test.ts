import fc from "fast-check";
import ipaddr from "ipaddr.js";
import { describe, expect, it } from "vitest";
import { ConfigurationError } from "../db/database-config";
import { NO_TRUSTED_PROXY, parseTrustedProxies, resolveClientAddress, UNKNOWN_CLIENT_ADDRESS } from "./trusted-proxies";

const ipv4 = fc.ipV4();
const anyHeader = fc.oneof(fc.string(), fc.array(fc.oneof(fc.ipV4(), fc.ipV6(), fc.string())).map((a) => a.join(", ")));

describe("adresse du client", () => {
  it("sans mandataire de confiance, l'adresse est celle de la connexion, quoi que dise X-Forwarded-For", () => {
    fc.assert(
      fc.property(ipv4, anyHeader, (socket, header) => {
        expect(resolveClientAddress(socket, header, NO_TRUSTED_PROXY)).toBe(socket);
        expect(resolveClientAddress(`::ffff:${socket}`, header, NO_TRUSTED_PROXY)).toBe(socket);
      }),
    );
  });

  it("une connexion venant d'une adresse non déclarée ne peut pas se faire passer pour un mandataire", () => {
    const trusted = parseTrustedProxies("10.0.0.0/8");
    expect(resolveClientAddress("203.0.113.7", "198.51.100.1, 10.0.0.2", trusted)).toBe("203.0.113.7");
  });

  it("derrière des mandataires de confiance, le client est l'adresse la plus à droite qui n'en est pas un", () => {
    const trusted = parseTrustedProxies("10.0.0.0/8, 2001:db8::/32");
    expect(resolveClientAddress("10.0.0.1", "198.51.100.1", trusted)).toBe("198.51.100.1");
    // What the client wrote itself (left of the real client) is never used.
    expect(resolveClientAddress("10.0.0.1", "1.2.3.4, 198.51.100.1, 10.0.0.9", trusted)).toBe("198.51.100.1");
    expect(resolveClientAddress("::ffff:10.0.0.1", ["1.2.3.4", "2001:db8::5, 2001:db9::1, 2001:db8::7"], trusted)).toBe("2001:db9::1");
    expect(resolveClientAddress("2001:db8::1", "[2001:db9::2]", trusted)).toBe("2001:db9::2");
  });

  it("quelle que soit la chaîne reçue, l'adresse retenue est une adresse valide vue par le portail ou ajoutée par un mandataire", () => {
    const trusted = parseTrustedProxies("10.0.0.0/8");
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.ipV4(), fc.constant("10.1.2.3"), fc.string())), fc.oneof(fc.constant("10.0.0.1"), ipv4), (forged, socket) => {
        const header = forged.join(",");
        const result = resolveClientAddress(socket, header, trusted);
        // The header's entries as any proxy reads them: split on commas, trimmed, empty ones skipped.
        const entries = header
          .split(",")
          .map((e) => e.trim())
          .filter(Boolean)
          .map((e) => (ipaddr.IPv6.isValid(e) ? ipaddr.process(e).toString() : e));
        expect([socket, ...entries]).toContain(result);
        // A forged entry is used only when every entry right of it was written by a trusted proxy.
        if (result !== socket) expect(entries.slice(entries.lastIndexOf(result) + 1).every((e) => e.startsWith("10."))).toBe(true);
      }),
    );
  });

  it("une valeur illisible dans X-Forwarded-For arrête la lecture au dernier mandataire", () => {
    const trusted = parseTrustedProxies("127.0.0.1");
    expect(resolveClientAddress("127.0.0.1", "198.51.100.1, n'importe quoi", trusted)).toBe("127.0.0.1");
    expect(resolveClientAddress("127.0.0.1", "", trusted)).toBe("127.0.0.1");
  });

  it("sans adresse de connexion, toutes les requêtes partagent l'adresse « inconnue »", () => {
    expect(resolveClientAddress(undefined, "198.51.100.1", parseTrustedProxies("0.0.0.0/0"))).toBe(UNKNOWN_CLIENT_ADDRESS);
  });
});

describe("TRUSTED_PROXIES", () => {
  it("accepte adresses et plages IPv4, IPv6 et IPv4 dans IPv6", () => {
    expect(parseTrustedProxies(undefined).ranges).toHaveLength(0);
    expect(parseTrustedProxies("  ").ranges).toHaveLength(0);
    const trusted = parseTrustedProxies("127.0.0.1, 10.0.0.0/8 ::1 2001:db8::/32,::ffff:192.168.0.0/112");
    expect(trusted.ranges).toHaveLength(5);
    expect(resolveClientAddress("192.168.3.4", "198.51.100.9", trusted)).toBe("198.51.100.9");
    expect(resolveClientAddress("192.169.0.1", "198.51.100.9", trusted)).toBe("192.169.0.1");
  });

  it.each(["10.0.0.0/33", "machin", "10.0.0.0/8/1", "2001:db8::/129", "10.0.0.0/-1", "10.0.0.0/", "0x7f.1", "::ffff:10.0.0.0/64"])(
    "refuse « %s » avec une phrase en français",
    (value) => {
      expect(() => parseTrustedProxies(value)).toThrow(ConfigurationError);
      expect(() => parseTrustedProxies(value)).toThrow(/TRUSTED_PROXIES contient .* ni une adresse IP ni une plage CIDR/);
    },
  );
});
