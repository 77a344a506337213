import { defineConfig } from "vitest/config";

// Three projects: unit tests next to the code, and the same integration suite on PGlite and on PostgreSQL.
// The PostgreSQL run needs TEST_POSTGRES_URL (a throwaway local server; `npm test` starts one when it can).
const integration = (database: "pglite" | "postgres") => ({
  extends: true as const,
  test: {
    name: `integration-${database}`,
    include: ["tests/integration/**/*.test.ts"],
    env: { TEST_DATABASE: database },
    globalSetup: [`tests/support/global-setup-${database}.ts`],
    testTimeout: 60_000,
    hookTimeout: 180_000,
  },
});

export default defineConfig({
  test: {
    projects: [
      { extends: true, test: { name: "unit", include: ["lib/**/*.test.ts", "scripts/**/*.test.ts", "prisma/**/*.test.ts"], testTimeout: 30_000 } },
      integration("pglite"),
      ...(process.env.TEST_POSTGRES_URL ? [integration("postgres")] : []),
    ],
  },
  resolve: { alias: { "server-only": new URL("./tests/support/server-only-stub.ts", import.meta.url).pathname } },
});
