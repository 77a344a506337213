"use server";
// The actions of "Créer mon espace". Each one reads the draft named by the HTTP-only cookie (never identity from the
// form's hidden fields), checks that its step may be done now, validates with zod (lib/creer-mon-espace/), and saves
// only when everything is right: on an error, nothing is written and the form gets back what was typed.
import { redirect } from "next/navigation";
import { z } from "zod";
import { clientAddress } from "@/lib/auth/client-address";
import { openSession } from "@/lib/auth/session";
import { clockNow } from "@/lib/clock";
import { appConfig, fieldKeysOf } from "@/lib/config/app-config";
import { confirmDraftCode, contactsTakenElsewhere, sendDraftCode, withContacts } from "@/lib/creer-mon-espace/contacts";
import { createSpace } from "@/lib/creer-mon-espace/create-space";
import { ETAPE_CHEMINS, etapeCourante, EMPTY_DRAFT, type Brouillon } from "@/lib/creer-mon-espace/draft";
import { saveDraft } from "@/lib/creer-mon-espace/draft-store";
import { coordonneesSchema } from "@/lib/creer-mon-espace/inputs";
import { answerIdentite, answerNaissance, answerNumero, type Raw, type StepAnswer } from "@/lib/creer-mon-espace/step-answers";
import { fieldErrorsFrom, type ActionResult } from "@/lib/forms/action-result";
import { readFranceConnectCookie, clearFranceConnectCookie } from "@/lib/franceconnect/franceconnect-cookies";
import { communeByCode } from "@/lib/geo/communes";
import { db } from "@/lib/db/client";
import { messagingConfig } from "@/lib/messaging/messaging-config";
import { createTransports } from "@/lib/messaging/transports";
import { openDraftStep, startDraft } from "./_lib/draft-session";

export type StepResult = ActionResult & { communes?: { code: string; libelle: string }[]; pays?: { code: string; nom: string }[] };

const SAVE_FAILED = "Votre saisie a expiré : recommencez depuis le début (rien n'a été créé).";
const keys = () => fieldKeysOf(appConfig());
const today = () => clockNow().toISOString().slice(0, 10);

function valuesOf(formData: FormData, names: readonly string[]): Record<string, string> {
  const values: Record<string, string> = {};
  for (const name of names) {
    const v = formData.get(name);
    if (typeof v === "string") values[name] = v.slice(0, 200);
  }
  return values;
}

function rawOf(formData: FormData): Raw {
  const raw: Raw = {};
  for (const [name, value] of formData.entries()) if (typeof value === "string" && !name.startsWith("$")) raw[name] = value.slice(0, 200);
  return raw;
}

/** Saves the step's answer and goes on to the first step still to do; or gives the errors back to the form. */
async function saveAndContinue(draftId: string, answer: StepAnswer<string>, values: Record<string, string>): Promise<StepResult> {
  if (!answer.ok) {
    return {
      status: "error",
      message: "Des informations sont à corriger.",
      fieldErrors: answer.fieldErrors,
      values,
      communes: answer.communes?.map((c) => ({ code: c.code, libelle: c.libelle })),
      pays: answer.pays?.map((p) => ({ code: p.code, nom: p.nom })),
    };
  }
  if (!(await saveDraft(await db(), keys(), draftId, answer.brouillon, clockNow()))) return { status: "error", message: SAVE_FAILED };
  redirect(ETAPE_CHEMINS[etapeCourante(answer.brouillon)]);
}

// ── Start ────────────────────────────────────────────────────────────────────────────────────────────────────────

/**
 * A new draft. After a FranceConnect login that matched nobody, the identity FranceConnect certified (sealed in its
 * cookie by the callback, never read from the address bar) starts it, locked, with its birthplace.
 * (A "Je suis tuteur ou curateur" choice will start a draft for someone else here; not built yet.)
 */
export async function commencer(): Promise<void> {
  const fc = await readFranceConnectCookie("identity");
  let brouillon: Brouillon = EMPTY_DRAFT;
  if (fc) {
    const enFrance = fc.birthcountry === "99100";
    const commune = enFrance ? communeByCode(fc.birthplace) : null;
    brouillon = {
      version: 1,
      source: "franceconnect",
      identite: {
        nomNaissance: fc.family_name,
        nomUsage: fc.preferred_username?.trim() || null,
        prenoms: fc.given_name.split(/\s+/).filter(Boolean),
        sexe: fc.gender === "female" ? "F" : "M",
        dateNaissance: fc.birthdate,
      },
      naissanceVerrouillee: enFrance ? { lieu: "france", communeCode: fc.birthplace } : { lieu: "etranger", paysCode: fc.birthcountry },
      ...(enFrance && commune ? { naissance: { lieu: "france" as const, communeCode: commune.code, communeNom: commune.nom } } : {}),
    };
    await clearFranceConnectCookie("identity");
  }
  await startDraft(brouillon);
  redirect(ETAPE_CHEMINS[etapeCourante(brouillon)]);
}

// ── Steps 1 to 3 ─────────────────────────────────────────────────────────────────────────────────────────────────

export async function submitIdentite(_previous: StepResult, formData: FormData): Promise<StepResult> {
  const draft = await openDraftStep("identite");
  const values = valuesOf(formData, ["nomNaissance", "nomUsage", "prenoms", "sexe", "jour", "mois", "annee"]);
  return saveAndContinue(draft.id, answerIdentite(draft.brouillon, rawOf(formData), today()), values);
}

export async function submitNaissance(_previous: StepResult, formData: FormData): Promise<StepResult> {
  const draft = await openDraftStep("naissance");
  const values = valuesOf(formData, ["lieu", "commune", "pays", "ville", "parent1Nom", "parent1Prenoms", "parent2Nom", "parent2Prenoms"]);
  return saveAndContinue(draft.id, answerNaissance(draft.brouillon, rawOf(formData)), values);
}

export async function submitNumero(_previous: StepResult, formData: FormData): Promise<StepResult> {
  const draft = await openDraftStep("numero");
  return saveAndContinue(draft.id, answerNumero(draft.brouillon, rawOf(formData)), valuesOf(formData, ["aUnNir", "nir"]));
}

// ── Step 4: contact details, confirmed by a code now ────────────────────────────────────────────────────────────

export async function submitCoordonnees(_previous: StepResult, formData: FormData): Promise<StepResult> {
  const draft = await openDraftStep("coordonnees");
  const values = valuesOf(formData, ["email", "mobile"]);
  const parsed = coordonneesSchema.safeParse({ email: values.email, mobile: values.mobile });
  if (!parsed.success) return { status: "error", message: "Des informations sont à corriger.", fieldErrors: fieldErrorsFrom(parsed.error.issues), values };
  const database = await db();
  const taken = await contactsTakenElsewhere(database, keys(), parsed.data);
  if (taken.email || taken.mobile) return { status: "error", message: "Des informations sont à corriger.", fieldErrors: taken, values };
  const brouillon = withContacts(draft.brouillon, parsed.data);
  if (!(await saveDraft(database, keys(), draft.id, brouillon, clockNow()))) return { status: "error", message: SAVE_FAILED };
  // A code to each value not confirmed yet; the page then asks for them.
  const transports = createTransports(messagingConfig());
  const ip = await clientAddress();
  const refusals: string[] = [];
  for (const canal of ["EMAIL", "SMS"] as const) {
    const sent = await sendDraftCode(database, keys(), transports, { brouillon, canal, ip });
    if (sent && !sent.ok) refusals.push(sent.message);
  }
  if (refusals.length > 0) return { status: "error", message: refusals.join(" "), values };
  redirect("/creer-mon-espace/coordonnees?codes=envoyes");
}

const canalSchema = z.enum(["EMAIL", "SMS"]);

export async function confirmerCode(_previous: ActionResult<"code">, formData: FormData): Promise<ActionResult<"code">> {
  const draft = await openDraftStep("coordonnees");
  const canal = canalSchema.safeParse(formData.get("canal"));
  const code = formData.get("code");
  if (!canal.success || typeof code !== "string") return { status: "error", message: "Le code n'a pas pu être vérifié. Réessayez." };
  const database = await db();
  const { result, brouillon } = await confirmDraftCode(database, keys(), { brouillon: draft.brouillon, canal: canal.data, code: code.slice(0, 20) });
  if (!result.ok) return { status: "error", message: "Le code n'est pas accepté.", fieldErrors: { code: result.message } };
  if (!(await saveDraft(database, keys(), draft.id, brouillon, clockNow()))) return { status: "error", message: SAVE_FAILED };
  redirect(ETAPE_CHEMINS[etapeCourante(brouillon)] + (etapeCourante(brouillon) === "coordonnees" ? "?confirme=" + canal.data.toLowerCase() : ""));
}

export async function renvoyerCode(_previous: ActionResult, formData: FormData): Promise<ActionResult> {
  const draft = await openDraftStep("coordonnees");
  const canal = canalSchema.safeParse(formData.get("canal"));
  if (!canal.success) return { status: "error", message: "Aucun code n'a été envoyé." };
  const sent = await sendDraftCode(await db(), keys(), createTransports(messagingConfig()), { brouillon: draft.brouillon, canal: canal.data, ip: await clientAddress() });
  if (!sent) return { status: "error", message: "Cette coordonnée est déjà confirmée." };
  if (!sent.ok) return { status: "error", message: sent.message };
  return { status: "success", message: "Un nouveau code vient de vous être envoyé. Le précédent ne fonctionne plus." };
}

// ── Step 5: creation ─────────────────────────────────────────────────────────────────────────────────────────────

export async function creer(_previous: ActionResult, _formData: FormData): Promise<ActionResult> {
  const draft = await openDraftStep("verification");
  const database = await db();
  const outcome = await createSpace(database, keys(), createTransports(messagingConfig()), {
    draftId: draft.id,
    ip: await clientAddress(),
    // In the demonstration, whoever is created is invented too: the demo's start-up refuses a database with real people.
    fictif: appConfig().mode === "demo",
  });
  if (!outcome.ok) return { status: "error", message: outcome.message };
  const compte = await database.compte.findUniqueOrThrow({ where: { id: outcome.compteId }, select: { versionSession: true, motDePasseHash: true, etat: true } });
  // The account has no password yet: the session this browser gets goes only to the CGU and password steps.
  if (compte.etat === "NON_ACTIVE" && compte.motDePasseHash === null) {
    await openSession({
      sub: outcome.compteId,
      personneId: outcome.personneId,
      versionSession: compte.versionSession,
      methode: "MOT_DE_PASSE",
      etape: "premiere-connexion",
      connexionPrecedente: null,
    });
  }
  redirect("/creer-mon-espace/termine");
}
