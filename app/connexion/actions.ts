"use server";
// Login form action: validation, throttling and the password check happen in authenticateWithPassword;
// this action only turns the outcome into a session or a message.
import { redirect } from "next/navigation";
import { authenticateWithPassword } from "@/lib/auth/authenticate-password";
import { clientAddress, clientUserAgent } from "@/lib/auth/client-address";
import { formatLockoutEnd } from "@/lib/auth/login-throttle";
import type { LoginFormField } from "@/lib/auth/login-schema";
import { safeReturnPath } from "@/lib/auth/return-path";
import { openSession } from "@/lib/auth/session";
import { appConfig } from "@/lib/config/app-config";
import { db } from "@/lib/db/client";
import type { ActionResult } from "@/lib/forms/action-result";
import { GENERIC_LOGIN_FAILURE } from "@/lib/auth/login-messages";

export async function submitLogin(_previous: ActionResult<LoginFormField>, formData: FormData): Promise<ActionResult<LoginFormField>> {
  const identifiantSaisi = formData.get("identifiant");
  const values = { identifiant: typeof identifiantSaisi === "string" ? identifiantSaisi.slice(0, 64) : "" };
  const config = appConfig();
  const outcome = await authenticateWithPassword(
    await db(),
    { encryptionKey: config.dataEncryptionKey, lookupKey: config.dataLookupKey },
    { identifiant: identifiantSaisi, motDePasse: formData.get("motDePasse"), ip: await clientAddress(), userAgent: await clientUserAgent() },
  );
  if (!outcome.ok) {
    switch (outcome.reason) {
      case "SAISIE_INVALIDE":
        return { status: "error", message: "Le formulaire contient des erreurs.", fieldErrors: outcome.fieldErrors, values };
      case "LIMITE_ATTEINTE":
        return {
          status: "error",
          message: `Trop de tentatives de connexion. Par sécurité, réessayez après ${formatLockoutEnd(outcome.until)}. En cas d'oubli, utilisez « Mot de passe oublié ».`,
          values,
        };
      case "IDENTIFIANTS_INCORRECTS":
        return { status: "error", message: GENERIC_LOGIN_FAILURE, values };
    }
  }
  await openSession({
    sub: outcome.compteId,
    personneId: outcome.personneId,
    versionSession: outcome.versionSession,
    methode: outcome.kind === "bascule" ? "MOT_DE_PASSE_DOSSIER" : "MOT_DE_PASSE",
    etape: outcome.kind === "bascule" ? "premiere-connexion" : outcome.mustChangePassword ? "changement-mot-de-passe" : "espace",
    connexionPrecedente: outcome.previousConnection?.getTime() ?? null,
  });
  if (outcome.kind === "bascule") redirect("/premiere-connexion");
  if (outcome.mustChangePassword) redirect("/mon-compte/mot-de-passe");
  redirect(safeReturnPath(formData.get("retour")));
}
