import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { demoToolsAllowed, isLoopbackAddress } from "./loopback-address";

describe("adresse de boucle locale", () => {
  it("toute adresse de 127.0.0.0/8, ::1 (sous toutes ses écritures) et 127.x.y.z vu en IPv6 est locale", () => {
    for (const address of ["127.0.0.1", "127.0.0.0", "127.255.255.255", "127.1.2.3", "::1", "0:0:0:0:0:0:0:1", "0000::0001", "::ffff:127.0.0.1", "::FFFF:127.9.9.9", "::ffff:7f00:1"]) {
      expect(isLoopbackAddress(address), address).toBe(true);
    }
    fc.assert(fc.property(fc.nat(255), fc.nat(255), fc.nat(255), (b, c, d) => isLoopbackAddress(`127.${b}.${c}.${d}`)));
  });

  it("une adresse d'une autre machine n'est pas locale, même mappée en IPv6", () => {
    for (const address of ["128.0.0.1", "126.255.255.255", "10.0.0.1", "192.168.1.10", "0.0.0.0", "::", "::2", "fe80::1", "::ffff:8.8.8.8", "::ffff:10.0.0.1", "2001:db8::1"]) {
      expect(isLoopbackAddress(address), address).toBe(false);
    }
    fc.assert(
      fc.property(fc.ipV4(), (address) => isLoopbackAddress(address) === address.startsWith("127.")),
    );
  });

  it("une valeur forgée ou illisible n'est jamais locale", () => {
    for (const value of ["localhost", "127.0.0.1, 203.0.113.9", "203.0.113.9, 127.0.0.1", " 127.0.0.1", "127.0.0.1 ", "127.0.0.1:3000", "[::1]", "127.1", "0x7f.0.0.1", "127.0.0.1.example.org", "127.000.000.001", "", "::1%lo", null, undefined, 2130706433, ["127.0.0.1"]]) {
      expect(isLoopbackAddress(value), String(value)).toBe(false);
    }
    fc.assert(fc.property(fc.string(), (value) => !isLoopbackAddress(value) || /^[0-9a-f:.]+$/i.test(value)));
  });

  it("les outils de démonstration n'existent qu'en mode démonstration et pour un client de cette machine", () => {
    expect(demoToolsAllowed({ mode: "demo", clientAddress: "127.0.0.1" })).toBe(true);
    expect(demoToolsAllowed({ mode: "demo", clientAddress: "::1" })).toBe(true);
    expect(demoToolsAllowed({ mode: "demo", clientAddress: "203.0.113.9" })).toBe(false);
    expect(demoToolsAllowed({ mode: "production", clientAddress: "127.0.0.1" })).toBe(false);
    expect(demoToolsAllowed({ mode: "production", clientAddress: "203.0.113.9" })).toBe(false);
  });
});
