// Later immatriculation (operator command `npm run admin -- immatriculer <identifiant provisoire> <NIR>`): the NIR
// the Caf obtained for a person who created their space with a provisional identifier is attached after the same
// consistency check as online; the person is told on their confirmed contact details (no link), it is journaled, and
// from then on the provisional identifier opens nothing — the login says what changed.
import { journal } from "../audit/journal";
import { decryptField, encryptField, lookupHash, type FieldKeys } from "../crypto/field-encryption";
import { isUniqueViolation } from "../db/errors";
import type { Database } from "../db/open-prisma";
import { parseNir } from "../identity/nir";
import { parseProvisionalIdentifier } from "../identity/provisional-identifier";
import { deliverMessageNow } from "../messaging/deliver-outbox";
import { enqueueMessage, outboxMessage } from "../messaging/enqueue-message";
import { immatriculationDone } from "../messaging/templates-creer-mon-espace";
import type { Transports } from "../messaging/transports";
import { decideNir } from "./nir-check";

export type ImmatriculationOutcome = { ok: true; message: string } | { ok: false; message: string };

export async function immatriculer(
  db: Database,
  keys: FieldKeys,
  transports: Transports | null,
  input: { identifiantProvisoire: string; nir: string; operateur: string; now?: Date },
): Promise<ImmatriculationOutcome> {
  const now = input.now ?? new Date();
  const id = parseProvisionalIdentifier(input.identifiantProvisoire);
  if (!id.ok) return { ok: false, message: id.error };
  const nir = parseNir(input.nir);
  if (!nir.ok) return { ok: false, message: nir.error };

  const personne = await db.personne.findUnique({
    where: { identifiantProvisoire: id.value },
    select: {
      id: true,
      sexe: true,
      dateNaissance: true,
      lieuNaissancePays: true,
      lieuNaissancePaysCode: true,
      lieuNaissanceCodeInsee: true,
      lieuNaissanceCommune: true,
      nirEmpreinte: true,
      identifiantProvisoireRetireLe: true,
      coordonnees: { where: { verifiee: true }, select: { type: true, valeurChiffree: true } },
    },
  });
  if (!personne) return { ok: false, message: `Aucune personne n'a l'identifiant provisoire ${id.value}.` };
  if (personne.identifiantProvisoireRetireLe || personne.nirEmpreinte) {
    return { ok: false, message: `L'identifiant provisoire ${id.value} a déjà été remplacé par un numéro de sécurité sociale : rien n'a été changé.` };
  }
  const naissance =
    personne.lieuNaissancePays === "FRANCE"
      ? { lieu: "france" as const, communeCode: personne.lieuNaissanceCodeInsee ?? "", communeNom: personne.lieuNaissanceCommune ?? "" }
      : {
          lieu: "etranger" as const,
          paysCode: personne.lieuNaissancePaysCode ?? "",
          paysNom: personne.lieuNaissancePays,
          ville: personne.lieuNaissanceCommune ?? "",
          parents: [
            { nomNaissance: "", prenoms: [] },
            { nomNaissance: "", prenoms: [] },
          ] as [{ nomNaissance: string; prenoms: string[] }, { nomNaissance: string; prenoms: string[] }],
        };
  const decision = decideNir(
    nir.value.normalise,
    { nomNaissance: "", nomUsage: null, prenoms: [], sexe: personne.sexe, dateNaissance: personne.dateNaissance.toISOString().slice(0, 10) },
    naissance,
  );
  if (!decision.ok) {
    return { ok: false, message: `Ce numéro ne correspond pas à l'état civil de la personne, rien n'a été changé : ${decision.raisons.join(" ")}` };
  }

  const fin = decision.nir.slice(-4);
  let messages: string[];
  try {
    messages = await db.$transaction(async (tx) => {
      const { count } = await tx.personne.updateMany({
        where: { id: personne.id, identifiantProvisoireRetireLe: null, nirEmpreinte: null },
        data: { nirChiffre: encryptField(decision.nir, keys), nirEmpreinte: lookupHash(decision.nir, keys), identifiantProvisoireRetireLe: now },
      });
      if (count !== 1) return [];
      const ids: string[] = [];
      for (const c of personne.coordonnees) {
        const content = immatriculationDone({ identifiant: id.value, nirFinissantPar: fin });
        ids.push((await enqueueMessage(tx, outboxMessage(c.type === "EMAIL" ? "EMAIL" : "SMS", decryptField(c.valeurChiffree, keys), content), keys)).id);
      }
      await journal(tx, { type: "IMMATRICULATION", acteur: `operateur:${input.operateur}`, sujetId: personne.id, survenuLe: now, details: { avis: ids.length } });
      return ids;
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    return { ok: false, message: "Ce numéro de sécurité sociale appartient déjà à une autre personne : rien n'a été changé. Vérifiez le dossier avant d'aller plus loin." };
  }
  if (transports) for (const m of messages) await deliverMessageNow(db, transports, keys, m);
  return {
    ok: true,
    message: `Numéro de sécurité sociale enregistré pour ${id.value} : la personne se connecte désormais avec lui, et l'identifiant provisoire ne fonctionne plus. Elle a été prévenue (${messages.length} message${messages.length > 1 ? "s" : ""}).`,
  };
}
