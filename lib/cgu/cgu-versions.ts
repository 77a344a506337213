// CGU versions in the database: the version in force is the one published last. A person may use their space
// only once they have accepted it (SPEC §3); publishing a new version therefore asks everybody again, at their
// next request.
import { journal } from "../audit/journal";
import type { Database } from "../db/open-prisma";
import type { CguDocument } from "./cgu-document";

export type CurrentCgu = { id: string; version: string; dateVersion: Date | null; texte: string; publieeLe: Date };

export async function currentCgu(db: Pick<Database, "versionCgu">): Promise<CurrentCgu | null> {
  return db.versionCgu.findFirst({
    orderBy: [{ publieeLe: "desc" }, { version: "desc" }],
    select: { id: true, version: true, dateVersion: true, texte: true, publieeLe: true },
  });
}

/** True when the person has accepted the version in force (or when none is published yet). */
export async function hasAcceptedCurrentCgu(db: Pick<Database, "versionCgu">, personneId: string): Promise<boolean> {
  const latest = await db.versionCgu.findFirst({
    orderBy: [{ publieeLe: "desc" }, { version: "desc" }],
    select: { acceptations: { where: { personneId }, select: { id: true }, take: 1 } },
  });
  return !latest || latest.acceptations.length > 0;
}

export type AcceptOutcome = { ok: true } | { ok: false; reason: "VERSION_DEPASSEE" | "AUCUNE_VERSION" };

/**
 * Records that the person accepts the version they were shown. If another version was published in between,
 * nothing is recorded: they must read the new one.
 */
export async function acceptCgu(
  db: Database,
  { personneId, versionId, ip, now = new Date() }: { personneId: string; versionId: string; ip: string; now?: Date },
): Promise<AcceptOutcome> {
  const current = await currentCgu(db);
  if (!current) return { ok: false, reason: "AUCUNE_VERSION" };
  if (current.id !== versionId) return { ok: false, reason: "VERSION_DEPASSEE" };
  await db.$transaction(async (tx) => {
    await tx.acceptationCgu.upsert({
      where: { personneId_versionCguId: { personneId, versionCguId: current.id } },
      create: { personneId, versionCguId: current.id, accepteeLe: now },
      update: {},
    });
    await journal(tx, { type: "CGU_ACCEPTEES", acteur: personneId, sujetId: personneId, ip, survenuLe: now, details: { version: current.version } });
  });
  return { ok: true };
}

export type PublishOutcome = { ok: true; version: string } | { ok: false; message: string };

/** Operator command: publishes a version from the repository. A version is published once. */
export async function publishCgu(db: Database, document: CguDocument, operateur: string, now = new Date()): Promise<PublishOutcome> {
  const existing = await db.versionCgu.findUnique({ where: { version: document.version }, select: { texte: true } });
  if (existing) {
    return {
      ok: false,
      message:
        existing.texte === document.texte
          ? `La version ${document.version} des CGU est déjà publiée : rien n'a changé.`
          : `Une version ${document.version} des CGU est déjà publiée avec un autre texte : donnez un nouveau numéro de version au document.`,
    };
  }
  const current = await currentCgu(db);
  if (current && compareVersions(document.version, current.version) <= 0) {
    return { ok: false, message: `La version en vigueur est la ${current.version} : la nouvelle version doit porter un numéro plus grand.` };
  }
  await db.$transaction(async (tx) => {
    await tx.versionCgu.create({
      data: { version: document.version, dateVersion: new Date(`${document.date}T00:00:00Z`), texte: document.texte, publieeLe: now },
    });
    await journal(tx, { type: "CGU_PUBLIEES", acteur: `operateur:${operateur}`, survenuLe: now, details: { version: document.version } });
  });
  return { ok: true, version: document.version };
}

/** Compares "1.10" and "1.9" as version numbers (1.10 is later). */
export function compareVersions(a: string, b: string): number {
  const left = a.split(".").map(Number);
  const right = b.split(".").map(Number);
  for (let i = 0; i < Math.max(left.length, right.length); i++) {
    const diff = (left[i] ?? 0) - (right[i] ?? 0);
    if (diff !== 0) return diff;
  }
  return 0;
}
