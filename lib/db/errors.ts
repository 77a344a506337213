// Recognising database errors the code answers on purpose (and nothing else).

type AdapterCause = { kind?: unknown; code?: unknown; originalCode?: unknown };

/**
 * A unique constraint or unique index refused the write. Prisma reports it as P2002, but inside an interactive
 * transaction the driver adapter's own error comes through: PostgreSQL's SQLSTATE 23505 in its `cause`.
 */
export function isUniqueViolation(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  if ((error as { code?: unknown }).code === "P2002") return true;
  const cause = (error as { cause?: AdapterCause }).cause;
  if (typeof cause !== "object" || cause === null) return false;
  return cause.kind === "UniqueConstraintViolation" || cause.code === "23505" || cause.originalCode === "23505";
}
