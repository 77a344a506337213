// The browser's side of the draft: a random token in an HTTP-only __Host- cookie (lib/creer-mon-espace/draft-store.ts
// keeps the rest). Every page and action of the flow starts here, never from what the form posts.
import "server-only";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { clockNow } from "@/lib/clock";
import { appConfig, fieldKeysOf } from "@/lib/config/app-config";
import { db } from "@/lib/db/client";
import { peutOuvrir, etapeCourante, ETAPE_CHEMINS, type Brouillon, type EtapeId } from "@/lib/creer-mon-espace/draft";
import { createDraft, DRAFT_LIFETIME_MS, loadDraft, purgeExpiredDrafts, type DraftRecord } from "@/lib/creer-mon-espace/draft-store";

export const DRAFT_COOKIE = "__Host-moncompte.creer-mon-espace";

export async function currentDraft(): Promise<DraftRecord | null> {
  const token = (await cookies()).get(DRAFT_COOKIE)?.value;
  return loadDraft(await db(), fieldKeysOf(appConfig()), token, clockNow());
}

export async function startDraft(brouillon: Brouillon): Promise<void> {
  const database = await db();
  const now = clockNow();
  await purgeExpiredDrafts(database, now);
  const { token } = await createDraft(database, fieldKeysOf(appConfig()), brouillon, now);
  (await cookies()).set(DRAFT_COOKIE, token, { httpOnly: true, secure: true, sameSite: "lax", path: "/", maxAge: DRAFT_LIFETIME_MS / 1000 });
}

/** The open draft for a step page or action; otherwise a redirect to the start, the first step to do, or the end. */
export async function openDraftStep(etape: EtapeId): Promise<DraftRecord> {
  const draft = await currentDraft();
  if (!draft) redirect("/creer-mon-espace?raison=expiree");
  if (draft.termineLe) redirect("/creer-mon-espace/termine");
  if (!peutOuvrir(draft.brouillon, etape)) redirect(ETAPE_CHEMINS[etapeCourante(draft.brouillon)]);
  return draft;
}
