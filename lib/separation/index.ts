// lib/separation: "Déclarer une séparation" (docs/regles/delegation-et-separation.md). Server-only.
export { separationEnCours, declareSeparation, coupleOf, type SeparationEnCours, type DeclareSeparationOutcome } from "./separation-service";
export { separationSchema, type SeparationField } from "./separation-form";
