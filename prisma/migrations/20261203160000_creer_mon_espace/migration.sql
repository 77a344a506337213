-- « Créer mon espace » (primo-demandeurs).
-- 1. The draft of the creation form, kept server-side between steps: the browser holds only a random token in an
--    HTTP-only cookie; the table holds the token's SHA-256 and the answers, encrypted. A draft is used once: the
--    creation consumes it with one conditional UPDATE ("termineLe" IS NULL), in the transaction that creates the person.
CREATE TABLE "BrouillonEspace" (
    "id" UUID NOT NULL,
    "jetonEmpreinte" VARCHAR(64) NOT NULL,
    "donneesChiffrees" TEXT NOT NULL,
    "creeLe" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "modifieLe" TIMESTAMP(3) NOT NULL,
    "expireLe" TIMESTAMP(3) NOT NULL,
    "termineLe" TIMESTAMP(3),
    "personneId" UUID,

    CONSTRAINT "BrouillonEspace_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "BrouillonEspace_jetonEmpreinte_key" ON "BrouillonEspace"("jetonEmpreinte");
CREATE INDEX "BrouillonEspace_expireLe_idx" ON "BrouillonEspace"("expireLe");

-- 2. A person created online: the keyed hash of their normalised identity (names, sex, birth date, birthplace) is
--    unique, so that the same identity submitted twice (double click, two tabs, two browsers) makes one person.
ALTER TABLE "Personne" ADD COLUMN "empreinteIdentite" VARCHAR(64);
CREATE UNIQUE INDEX "Personne_empreinteIdentite_key" ON "Personne"("empreinteIdentite");

-- 3. Born abroad: the country's INSEE code (99xxx), beside its name.
ALTER TABLE "Personne" ADD COLUMN "lieuNaissancePaysCode" VARCHAR(5);

-- 4. Immatriculation: once a NIR is attached, the provisional identifier stays reserved (never given again) but no
--    longer opens the account; the date says since when, for the message shown at login.
ALTER TABLE "Personne" ADD COLUMN "identifiantProvisoireRetireLe" TIMESTAMP(3);

-- 5. The parents declared by a person born abroad (birth name and first names of each).
CREATE TABLE "ParentDeclare" (
    "id" UUID NOT NULL,
    "personneId" UUID NOT NULL,
    "rang" INTEGER NOT NULL,
    "nomNaissance" VARCHAR(100) NOT NULL,
    "prenoms" TEXT[],

    CONSTRAINT "ParentDeclare_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "ParentDeclare_rang_check" CHECK ("rang" IN (1, 2))
);

CREATE UNIQUE INDEX "ParentDeclare_personneId_rang_key" ON "ParentDeclare"("personneId", "rang");

ALTER TABLE "ParentDeclare" ADD CONSTRAINT "ParentDeclare_personneId_fkey" FOREIGN KEY ("personneId") REFERENCES "Personne"("id") ON DELETE CASCADE ON UPDATE CASCADE;
