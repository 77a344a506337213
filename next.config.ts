import type { NextConfig } from "next";

// Headers that do not depend on the request; the Content-Security-Policy, which carries a per-request nonce,
// is set by proxy.ts.
const securityHeaders = [
  { key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains; preload" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
];

const nextConfig: NextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // Type checking is a step of `npm test` (tsc over the whole project); the start command need not redo it.
  typescript: { ignoreBuildErrors: true },
  // PGlite loads its own WebAssembly and data files: bundling breaks that, so it stays a plain Node package.
  // The password dictionaries (several MB) are read by Node at run time rather than bundled.
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter", "argon2", "@zxcvbn-ts/language-common", "@zxcvbn-ts/language-fr"],
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
};

export default nextConfig;
