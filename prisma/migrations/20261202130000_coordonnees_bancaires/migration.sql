-- Coordonnées bancaires du dossier et changements en attente du code.

-- CreateTable
CREATE TABLE "CoordonneesBancaires" (
    "id" UUID NOT NULL,
    "foyerId" UUID NOT NULL,
    "ibanChiffre" TEXT NOT NULL,
    "ibanFin" VARCHAR(4) NOT NULL,
    "pays" VARCHAR(2) NOT NULL,
    "bic" VARCHAR(11) NOT NULL,
    "titulaire" VARCHAR(70) NOT NULL,
    "enregistreesPar" UUID,
    "enregistreesLe" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "remplaceesLe" TIMESTAMP(3),

    CONSTRAINT "CoordonneesBancaires_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ChangementCoordonneesBancaires" (
    "id" UUID NOT NULL,
    "foyerId" UUID NOT NULL,
    "acteurId" UUID NOT NULL,
    "ibanChiffre" TEXT NOT NULL,
    "ibanFin" VARCHAR(4) NOT NULL,
    "pays" VARCHAR(2) NOT NULL,
    "bic" VARCHAR(11) NOT NULL,
    "titulaire" VARCHAR(70) NOT NULL,
    "canal" "CanalMessage" NOT NULL,
    "creeLe" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expireLe" TIMESTAMP(3) NOT NULL,
    "utiliseLe" TIMESTAMP(3),
    "annuleLe" TIMESTAMP(3),

    CONSTRAINT "ChangementCoordonneesBancaires_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "CoordonneesBancaires_foyerId_enregistreesLe_idx" ON "CoordonneesBancaires"("foyerId", "enregistreesLe");

-- CreateIndex
CREATE INDEX "ChangementCoordonneesBancaires_acteurId_creeLe_idx" ON "ChangementCoordonneesBancaires"("acteurId", "creeLe");

-- CreateIndex
CREATE INDEX "ChangementCoordonneesBancaires_foyerId_idx" ON "ChangementCoordonneesBancaires"("foyerId");

-- AddForeignKey
ALTER TABLE "CoordonneesBancaires" ADD CONSTRAINT "CoordonneesBancaires_foyerId_fkey" FOREIGN KEY ("foyerId") REFERENCES "Foyer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChangementCoordonneesBancaires" ADD CONSTRAINT "ChangementCoordonneesBancaires_foyerId_fkey" FOREIGN KEY ("foyerId") REFERENCES "Foyer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- One current set of bank details per dossier.
CREATE UNIQUE INDEX "CoordonneesBancaires_une_courante_par_foyer" ON "CoordonneesBancaires"("foyerId") WHERE "remplaceesLe" IS NULL;

-- One pending change per person at a time.
CREATE UNIQUE INDEX "ChangementCoordonneesBancaires_un_en_cours_par_personne" ON "ChangementCoordonneesBancaires"("acteurId") WHERE "utiliseLe" IS NULL AND "annuleLe" IS NULL;

-- The history of bank details is kept: a row is never rewritten; an UPDATE may only end it (set "remplaceesLe", once).
CREATE OR REPLACE FUNCTION "coordonnees_bancaires_historique"() RETURNS trigger AS $$
BEGIN
  IF OLD."remplaceesLe" IS NOT NULL
     OR NEW."remplaceesLe" IS NULL
     OR NEW."id" IS DISTINCT FROM OLD."id"
     OR NEW."foyerId" IS DISTINCT FROM OLD."foyerId"
     OR NEW."ibanChiffre" IS DISTINCT FROM OLD."ibanChiffre"
     OR NEW."ibanFin" IS DISTINCT FROM OLD."ibanFin"
     OR NEW."pays" IS DISTINCT FROM OLD."pays"
     OR NEW."bic" IS DISTINCT FROM OLD."bic"
     OR NEW."titulaire" IS DISTINCT FROM OLD."titulaire"
     OR NEW."enregistreesPar" IS DISTINCT FROM OLD."enregistreesPar"
     OR NEW."enregistreesLe" IS DISTINCT FROM OLD."enregistreesLe" THEN
    RAISE EXCEPTION 'Les coordonnées bancaires enregistrées ne se modifient pas : une modification ajoute une ligne et clôt la précédente.';
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "coordonnees_bancaires_historique"
  BEFORE UPDATE ON "CoordonneesBancaires"
  FOR EACH ROW EXECUTE FUNCTION "coordonnees_bancaires_historique"();
