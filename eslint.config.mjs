import nextCoreWebVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

// Layers: app/ (pages, their actions, route-local parts) may use components/ and lib/, never the other way round. A
// shared component receives its server action as a prop; a form used by one route lives in its _components/.
export const COMPONENTS_MUST_NOT_IMPORT_APP = {
  files: ["components/**/*.{js,jsx,ts,tsx,mjs,cjs,mts,cts}"],
  rules: {
    "no-restricted-imports": [
      "error",
      {
        patterns: [
          {
            regex: "^(@/|(\\.\\./)+)app(/|$)",
            message: "components/ ne doit jamais importer depuis app/ : passez l'action serveur en propriété, ou placez le formulaire dans le dossier _components/ de sa route.",
          },
        ],
      },
    ],
  },
};

const config = [
  ...nextCoreWebVitals,
  ...nextTypescript,
  COMPONENTS_MUST_NOT_IMPORT_APP,
  { rules: { "@typescript-eslint/no-unused-vars": ["warn", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }] } },
  { ignores: [".next/**", "node_modules/**", "lib/db/generated/**", ".data/**", "test-results/**", "playwright-report/**", "next-env.d.ts", "public/dsfr/**"] },
];

export default config;
