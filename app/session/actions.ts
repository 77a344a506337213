"use server";
import { currentSession } from "@/lib/auth/session";

/**
 * "Rester connecté": any request refreshes the session's idle clock (proxy.ts); this one also tells the page
 * whether the session is still alive.
 */
export async function keepSessionAlive(): Promise<{ alive: boolean }> {
  return { alive: (await currentSession()) !== null };
}
