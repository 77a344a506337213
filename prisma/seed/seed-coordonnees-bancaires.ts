// The demo dossiers' bank details: one current account per persona foyer, at an invented bank (bank code 99999,
// BIC DEMOFRPP), with valid IBAN and RIB check keys so that the demo shows what a real dossier would. Encrypted like
// any IBAN (docs/regles/coordonnees-bancaires.md).
import { encryptField, type FieldKeys } from "../../lib/crypto/field-encryption";
import type { Prisma } from "../../lib/db/generated/client";

export const DEMO_BANK_BIC = "DEMOFRPP";

/** Invented FR IBANs, by numéro allocataire (the account number is the numéro). */
export const DEMO_IBANS: Readonly<Record<string, string>> = {
  "0412345": "FR7699999000010000041234524",
  "0523456": "FR7699999000010000052345680",
  "0634567": "FR7699999000010000063456739",
  "0698765": "FR7699999000010000069876587",
  "0745678": "FR7699999000010000074567895",
  "0856789": "FR7699999000010000085678954",
  "0967890": "FR7699999000010000096789043",
};

type Tx = Pick<Prisma.TransactionClient, "foyer" | "coordonneesBancaires">;

/** Gives each persona foyer its account, in the seed's transaction (holder: the allocataire). */
export async function seedDemoBankDetails(tx: Tx, keys: FieldKeys, since: Date): Promise<void> {
  const foyers = await tx.foyer.findMany({
    where: { numeroAllocataire: { in: Object.keys(DEMO_IBANS) } },
    select: { id: true, numeroAllocataire: true, membres: { where: { role: "ALLOCATAIRE" }, select: { personne: { select: { prenoms: true, nomNaissance: true, nomUsage: true } } } } },
  });
  for (const foyer of foyers) {
    const iban = DEMO_IBANS[foyer.numeroAllocataire]!;
    const titulaire = foyer.membres[0]?.personne;
    await tx.coordonneesBancaires.create({
      data: {
        foyerId: foyer.id,
        ibanChiffre: encryptField(iban, keys),
        ibanFin: iban.slice(-4),
        pays: "FR",
        bic: DEMO_BANK_BIC,
        titulaire: titulaire ? `${titulaire.prenoms[0] ?? ""} ${titulaire.nomUsage ?? titulaire.nomNaissance}`.trim() : "Titulaire du dossier",
        enregistreesLe: since,
      },
      select: { id: true },
    });
  }
}
