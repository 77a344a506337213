/**
 * Identifiers library: NIR, provisional identifier, login identifier, numéro allocataire,
 * mobile and e-mail — parsers with French messages, and the matching zod schemas.
 *
 * Note: provisional-identifier imports node:crypto (default randomness for generation), and
 * login-identifier / schemas import provisional-identifier. Only nir, numero-allocataire,
 * mobile and email are free of it; keep that in mind before importing into client components.
 */
export * from "./nir";
export * from "./provisional-identifier";
export * from "./login-identifier";
export * from "./numero-allocataire";
export * from "./mobile";
export * from "./email";
export * from "./schemas";
