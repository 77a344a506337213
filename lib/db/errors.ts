// Recognising database errors the code answers on purpose (and nothing else).

/** A unique constraint or unique index refused the write (Prisma's P2002, through either driver adapter). */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2002";
}
