-- Déclaration de séparation : a request recorded for the Caf. One request "en cours" per foyer at most (partial
-- unique index): two tabs, the two members of the couple or parallel posts all end in the same single request.
CREATE TYPE "StatutDeclarationSeparation" AS ENUM ('EN_COURS', 'TRAITEE');

CREATE TABLE "DeclarationSeparation" (
    "id" UUID NOT NULL,
    "foyerId" UUID NOT NULL,
    "declareePar" UUID NOT NULL,
    "declareeLe" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "dateSeparation" DATE NOT NULL,
    "statut" "StatutDeclarationSeparation" NOT NULL DEFAULT 'EN_COURS',
    "traiteeLe" TIMESTAMP(3),

    CONSTRAINT "DeclarationSeparation_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "DeclarationSeparation_foyerId_idx" ON "DeclarationSeparation"("foyerId");

CREATE UNIQUE INDEX "DeclarationSeparation_en_cours_unique" ON "DeclarationSeparation"("foyerId") WHERE "statut" = 'EN_COURS';

ALTER TABLE "DeclarationSeparation" ADD CONSTRAINT "DeclarationSeparation_foyerId_fkey" FOREIGN KEY ("foyerId") REFERENCES "Foyer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "DeclarationSeparation" ADD CONSTRAINT "DeclarationSeparation_declareePar_fkey" FOREIGN KEY ("declareePar") REFERENCES "Personne"("id") ON DELETE CASCADE ON UPDATE CASCADE;
