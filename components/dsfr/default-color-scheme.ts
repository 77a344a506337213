import type { DefaultColorScheme } from "@codegouvfr/react-dsfr/next-app-router";

// Follow the person's system setting (light or dark).
export const defaultColorScheme: DefaultColorScheme = "system";
