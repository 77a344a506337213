// After a wizard step: on to the first step still to do, or — when all are done — the account is activated, the
// session opens onto the space, and the tableau de bord welcomes the person.
import "server-only";
import { redirect } from "next/navigation";
import { clientAddress } from "@/lib/auth/client-address";
import { updateSession, type Session } from "@/lib/auth/session";
import { appConfig, fieldKeysOf } from "@/lib/config/app-config";
import { db } from "@/lib/db/client";
import { activateIfComplete } from "@/lib/premiere-connexion/wizard-service";
import { loadWizardState } from "@/lib/premiere-connexion/wizard-state";
import { nextPath } from "@/lib/premiere-connexion/wizard-steps";

export async function goToNextWizardStep(session: Session, changes: { versionSession?: number } = {}): Promise<never> {
  const prisma = await db();
  const state = await loadWizardState(prisma, session.personneId);
  if (!state) redirect("/connexion?raison=expiree");
  const path = nextPath(state);
  if (path) {
    if (changes.versionSession !== undefined) await updateSession(session, changes);
    redirect(path);
  }
  await activateIfComplete(prisma, fieldKeysOf(appConfig()), { personneId: session.personneId, compteId: session.sub, ip: await clientAddress() });
  await updateSession(session, { ...changes, etape: "espace" });
  redirect("/tableau-de-bord?bienvenue=1");
}
