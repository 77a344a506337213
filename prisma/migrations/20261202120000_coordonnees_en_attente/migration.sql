-- CreateTable
CREATE TABLE "CoordonneeEnAttente" (
    "id" UUID NOT NULL,
    "personneId" UUID NOT NULL,
    "type" "TypeCoordonnee" NOT NULL,
    "valeurChiffree" TEXT NOT NULL,
    "empreinte" VARCHAR(64) NOT NULL,
    "demandeeLe" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CoordonneeEnAttente_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "CoordonneeEnAttente_personneId_type_key" ON "CoordonneeEnAttente"("personneId", "type");

-- AddForeignKey
ALTER TABLE "CoordonneeEnAttente" ADD CONSTRAINT "CoordonneeEnAttente_personneId_fkey" FOREIGN KEY ("personneId") REFERENCES "Personne"("id") ON DELETE CASCADE ON UPDATE CASCADE;
