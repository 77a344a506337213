"use server";
// Accepting or refusing the CGU in force: at the first connection (wizard step 1) and whenever a new version is
// published (asked at the next request). The version accepted is the one the page showed: if a newer one was
// published meanwhile, the person is shown that one instead.
import { redirect } from "next/navigation";
import { z } from "zod";
import { journal } from "@/lib/audit/journal";
import { clientAddress } from "@/lib/auth/client-address";
import { safeReturnPath } from "@/lib/auth/return-path";
import { CGU_ACCEPTANCE_PATH } from "@/lib/auth/session";
import { requireSession } from "@/lib/auth/guards";
import { CGU_CHECKBOX_LABEL } from "@/lib/cgu/cgu-labels";
import { acceptCgu } from "@/lib/cgu/cgu-versions";
import { db } from "@/lib/db/client";
import type { ActionResult } from "@/lib/forms/action-result";
import { goToNextWizardStep } from "@/app/premiere-connexion/_lib/next-step";

import type { CguField } from "@/lib/cgu/cgu-labels";

const acceptSchema = z.object({
  versionId: z.uuid({ error: "La version des conditions n'a pas été reconnue : rechargez la page." }),
  accepte: z.literal("oui", { error: `Pour continuer, cochez la case « ${CGU_CHECKBOX_LABEL} ».` }),
});

/** The CGU are answered in the space (a new version) or in the first-connection wizard (its step 1). */
const CGU_STEPS = ["espace", "premiere-connexion"] as const;
const requireCguSession = () => requireSession({ step: CGU_STEPS, cgu: false });

export async function submitCguAcceptance(_previous: ActionResult<CguField>, formData: FormData): Promise<ActionResult<CguField>> {
  const session = await requireCguSession();
  const parsed = acceptSchema.safeParse({ versionId: formData.get("versionId"), accepte: formData.get("accepte") ?? undefined });
  if (!parsed.success) {
    const accepteError = parsed.error.issues.find((issue) => issue.path[0] === "accepte")?.message;
    return { status: "error", message: accepteError ? "Vous n'avez pas encore accepté les conditions." : parsed.error.issues[0]!.message, fieldErrors: accepteError ? { accepte: accepteError } : {} };
  }
  const prisma = await db();
  const outcome = await acceptCgu(prisma, { personneId: session.personneId, versionId: parsed.data.versionId, ip: await clientAddress() });
  const wizard = session.etape === "premiere-connexion";
  if (!outcome.ok) {
    if (outcome.reason === "AUCUNE_VERSION") return { status: "error", message: "Les conditions d'utilisation ne sont pas disponibles pour le moment. Réessayez plus tard." };
    redirect(`${wizard ? "/premiere-connexion/conditions" : CGU_ACCEPTANCE_PATH}?nouvelle-version=1`);
  }
  if (wizard) return goToNextWizardStep(session);
  redirect(safeReturnPath(formData.get("retour")));
}

/** "Refuser": nothing is recorded but the journal entry; the space stays closed until the person accepts. */
export async function refuseCgu(): Promise<void> {
  const session = await requireCguSession();
  await journal(await db(), { type: "CGU_REFUSEES", acteur: session.personneId, sujetId: session.personneId, ip: await clientAddress() });
  redirect("/conditions-generales/refus");
}
