// Whether the database holds synthetic (demo, test, generated) records: the UI then says so on every page.
import "server-only";
import { db } from "../db/client";

const TTL_MS = 30_000;
let cache: { value: boolean; at: number } | undefined;

export async function hasSyntheticData(now = Date.now()): Promise<boolean> {
  if (cache && now - cache.at < TTL_MS) return cache.value;
  const prisma = await db();
  const value = (await prisma.personne.findFirst({ where: { fictif: true }, select: { id: true } })) !== null;
  cache = { value, at: now };
  return value;
}
