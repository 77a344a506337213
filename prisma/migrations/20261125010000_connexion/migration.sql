-- CreateEnum
CREATE TYPE "MethodeConnexion" AS ENUM ('MOT_DE_PASSE', 'MOT_DE_PASSE_DOSSIER', 'FRANCECONNECT');

-- AlterTable
ALTER TABLE "Compte" ADD COLUMN     "motDePasseModifieLe" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "HistoriqueConnexion" (
    "id" UUID NOT NULL,
    "personneId" UUID NOT NULL,
    "survenueLe" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "methode" "MethodeConnexion" NOT NULL,
    "reussie" BOOLEAN NOT NULL,
    "appareil" VARCHAR(80) NOT NULL,
    "ip" VARCHAR(45),

    CONSTRAINT "HistoriqueConnexion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NavigateurConnu" (
    "id" UUID NOT NULL,
    "personneId" UUID NOT NULL,
    "jetonEmpreinte" VARCHAR(64) NOT NULL,
    "creeLe" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expireLe" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "NavigateurConnu_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CompteurEchecs" (
    "cle" VARCHAR(80) NOT NULL,
    "echecs" INTEGER NOT NULL DEFAULT 0,
    "fenetreDebutLe" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "verrouillages" INTEGER NOT NULL DEFAULT 0,
    "verrouJusquAuLe" TIMESTAMP(3),
    "modifieLe" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CompteurEchecs_pkey" PRIMARY KEY ("cle")
);

-- CreateIndex
CREATE INDEX "HistoriqueConnexion_personneId_survenueLe_idx" ON "HistoriqueConnexion"("personneId", "survenueLe");

-- CreateIndex
CREATE UNIQUE INDEX "NavigateurConnu_jetonEmpreinte_key" ON "NavigateurConnu"("jetonEmpreinte");

-- CreateIndex
CREATE INDEX "NavigateurConnu_personneId_idx" ON "NavigateurConnu"("personneId");

-- AddForeignKey
ALTER TABLE "HistoriqueConnexion" ADD CONSTRAINT "HistoriqueConnexion_personneId_fkey" FOREIGN KEY ("personneId") REFERENCES "Personne"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NavigateurConnu" ADD CONSTRAINT "NavigateurConnu_personneId_fkey" FOREIGN KEY ("personneId") REFERENCES "Personne"("id") ON DELETE CASCADE ON UPDATE CASCADE;

