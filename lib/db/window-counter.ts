// One counter of the shared "CompteurEchecs" table counted in a time window: the login's per-account and per-foyer
// counters and the journal's caps on unauthenticated requests all count this way. One atomic statement: concurrent
// events are all counted, none lost; a window older than `windowMinutes` starts again at 1.
import type { Database } from "./open-prisma";

export type WindowCount = { echecs: number; verrouJusquAuLe: Date | null };

export async function countInWindow(db: Pick<Database, "$queryRaw">, key: string, windowMinutes: number, now: Date): Promise<WindowCount> {
  const windowStart = new Date(now.getTime() - windowMinutes * 60_000);
  const [row] = await db.$queryRaw<{ echecs: number; verrouJusquAuLe: Date | null }[]>`
    INSERT INTO "CompteurEchecs" ("cle", "echecs", "fenetreDebutLe", "verrouillages", "modifieLe")
    VALUES (${key}, 1, ${now}, 0, ${now})
    ON CONFLICT ("cle") DO UPDATE SET
      "echecs" = CASE WHEN "CompteurEchecs"."fenetreDebutLe" < ${windowStart} THEN 1 ELSE "CompteurEchecs"."echecs" + 1 END,
      "fenetreDebutLe" = CASE WHEN "CompteurEchecs"."fenetreDebutLe" < ${windowStart} THEN ${now} ELSE "CompteurEchecs"."fenetreDebutLe" END,
      "modifieLe" = ${now}
    RETURNING "echecs", "verrouJusquAuLe"`;
  return { echecs: Number(row!.echecs), verrouJusquAuLe: row!.verrouJusquAuLe ? new Date(row!.verrouJusquAuLe) : null };
}
