-- CreateEnum
CREATE TYPE "SituationFoyer" AS ENUM ('COUPLE', 'SEUL');

-- CreateEnum
CREATE TYPE "StatutFoyer" AS ENUM ('ACTIF', 'RADIE');

-- CreateEnum
CREATE TYPE "Sexe" AS ENUM ('M', 'F');

-- CreateEnum
CREATE TYPE "RoleMembre" AS ENUM ('ALLOCATAIRE', 'CONJOINT', 'CONJOINT_ALLOCATAIRE', 'ENFANT', 'AUTRE');

-- CreateEnum
CREATE TYPE "EtatCompte" AS ENUM ('NON_ACTIVE', 'ACTIF', 'SUSPENDU', 'CHANGEMENT_MOT_DE_PASSE_REQUIS');

-- CreateEnum
CREATE TYPE "TypeCoordonnee" AS ENUM ('EMAIL', 'MOBILE');

-- CreateEnum
CREATE TYPE "TypeMesure" AS ENUM ('TUTELLE', 'CURATELLE', 'CURATELLE_RENFORCEE', 'HABILITATION_FAMILIALE', 'SAUVEGARDE_DE_JUSTICE');

-- CreateEnum
CREATE TYPE "StatutMesure" AS ENUM ('DEMANDEE', 'VALIDEE', 'REFUSEE', 'EXPIREE');

-- CreateEnum
CREATE TYPE "CanalMessage" AS ENUM ('EMAIL', 'SMS');

-- CreateEnum
CREATE TYPE "StatutMessage" AS ENUM ('EN_ATTENTE', 'ENVOYE', 'ECHEC_DEFINITIF');

-- CreateTable
CREATE TABLE "Foyer" (
    "id" UUID NOT NULL,
    "numeroAllocataire" VARCHAR(7) NOT NULL,
    "situation" "SituationFoyer" NOT NULL,
    "motDePasseDossierHash" TEXT NOT NULL,
    "statut" "StatutFoyer" NOT NULL DEFAULT 'ACTIF',
    "droitsOuverts" BOOLEAN NOT NULL DEFAULT true,
    "detteEnCours" BOOLEAN NOT NULL DEFAULT false,
    "contentieuxEnCours" BOOLEAN NOT NULL DEFAULT false,
    "finRelationLe" DATE,
    "fictif" BOOLEAN NOT NULL DEFAULT false,
    "creeLe" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "modifieLe" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Foyer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Personne" (
    "id" UUID NOT NULL,
    "nomNaissance" VARCHAR(100) NOT NULL,
    "nomUsage" VARCHAR(100),
    "prenoms" TEXT[],
    "sexe" "Sexe" NOT NULL,
    "dateNaissance" DATE NOT NULL,
    "lieuNaissancePays" VARCHAR(60) NOT NULL,
    "lieuNaissanceCodeInsee" VARCHAR(5),
    "lieuNaissanceCommune" VARCHAR(100),
    "nirChiffre" TEXT,
    "nirEmpreinte" VARCHAR(64),
    "identifiantProvisoire" VARCHAR(9),
    "franceConnectSub" TEXT,
    "fictif" BOOLEAN NOT NULL DEFAULT false,
    "creeLe" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "modifieLe" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Personne_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Membre" (
    "id" UUID NOT NULL,
    "foyerId" UUID NOT NULL,
    "personneId" UUID NOT NULL,
    "role" "RoleMembre" NOT NULL,
    "prestationPropre" VARCHAR(10),
    "depuisLe" DATE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "jusquAuLe" DATE,

    CONSTRAINT "Membre_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Compte" (
    "id" UUID NOT NULL,
    "personneId" UUID NOT NULL,
    "motDePasseHash" TEXT,
    "etat" "EtatCompte" NOT NULL DEFAULT 'NON_ACTIVE',
    "versionSession" INTEGER NOT NULL DEFAULT 0,
    "derniereConnexionLe" TIMESTAMP(3),
    "creeLe" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "modifieLe" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Compte_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Coordonnee" (
    "id" UUID NOT NULL,
    "personneId" UUID NOT NULL,
    "type" "TypeCoordonnee" NOT NULL,
    "valeurChiffree" TEXT NOT NULL,
    "empreinte" VARCHAR(64) NOT NULL,
    "verifiee" BOOLEAN NOT NULL DEFAULT false,
    "verifieeLe" TIMESTAMP(3),
    "creeLe" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "modifieLe" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Coordonnee_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Prestation" (
    "id" UUID NOT NULL,
    "foyerId" UUID NOT NULL,
    "code" VARCHAR(10) NOT NULL,
    "beneficiaireId" UUID,
    "montantMensuelCentimes" INTEGER NOT NULL,
    "depuisLe" DATE NOT NULL,
    "jusquAuLe" DATE,

    CONSTRAINT "Prestation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Paiement" (
    "id" UUID NOT NULL,
    "foyerId" UUID NOT NULL,
    "prestationId" UUID NOT NULL,
    "periode" DATE NOT NULL,
    "payeLe" DATE NOT NULL,
    "montantCentimes" INTEGER NOT NULL,

    CONSTRAINT "Paiement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Delegation" (
    "id" UUID NOT NULL,
    "foyerId" UUID NOT NULL,
    "delegantId" UUID NOT NULL,
    "delegataireId" UUID NOT NULL,
    "accordeeLe" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "retireeLe" TIMESTAMP(3),

    CONSTRAINT "Delegation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MesureProtection" (
    "id" UUID NOT NULL,
    "protegeId" UUID NOT NULL,
    "protecteurId" UUID NOT NULL,
    "type" "TypeMesure" NOT NULL,
    "statut" "StatutMesure" NOT NULL DEFAULT 'DEMANDEE',
    "debutLe" DATE NOT NULL,
    "finLe" DATE,
    "demandeeLe" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decideeLe" TIMESTAMP(3),

    CONSTRAINT "MesureProtection_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "VersionCgu" (
    "id" UUID NOT NULL,
    "version" VARCHAR(20) NOT NULL,
    "texte" TEXT NOT NULL,
    "publieeLe" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "VersionCgu_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AcceptationCgu" (
    "id" UUID NOT NULL,
    "personneId" UUID NOT NULL,
    "versionCguId" UUID NOT NULL,
    "accepteeLe" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AcceptationCgu_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Consentement" (
    "id" UUID NOT NULL,
    "personneId" UUID NOT NULL,
    "objet" VARCHAR(60) NOT NULL,
    "detail" TEXT,
    "donneLe" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "retireLe" TIMESTAMP(3),

    CONSTRAINT "Consentement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CodeVerification" (
    "id" UUID NOT NULL,
    "personneId" UUID,
    "objet" VARCHAR(40) NOT NULL,
    "canal" "CanalMessage" NOT NULL,
    "cibleEmpreinte" VARCHAR(64) NOT NULL,
    "codeHash" VARCHAR(128) NOT NULL,
    "emisLe" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expireLe" TIMESTAMP(3) NOT NULL,
    "essais" INTEGER NOT NULL DEFAULT 0,
    "utiliseLe" TIMESTAMP(3),
    "remplaceLe" TIMESTAMP(3),

    CONSTRAINT "CodeVerification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "JournalAudit" (
    "id" BIGSERIAL NOT NULL,
    "survenuLe" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "type" VARCHAR(60) NOT NULL,
    "acteur" VARCHAR(80),
    "sujetId" UUID,
    "foyerId" UUID,
    "ip" VARCHAR(45),
    "details" JSONB,

    CONSTRAINT "JournalAudit_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MessageSortant" (
    "id" UUID NOT NULL,
    "canal" "CanalMessage" NOT NULL,
    "destinataireChiffre" TEXT NOT NULL,
    "sujet" VARCHAR(200),
    "texte" TEXT NOT NULL,
    "html" TEXT,
    "statut" "StatutMessage" NOT NULL DEFAULT 'EN_ATTENTE',
    "tentatives" INTEGER NOT NULL DEFAULT 0,
    "prochainEssaiLe" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "derniereErreur" TEXT,
    "creeLe" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "envoyeLe" TIMESTAMP(3),

    CONSTRAINT "MessageSortant_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Foyer_numeroAllocataire_key" ON "Foyer"("numeroAllocataire");

-- CreateIndex
CREATE INDEX "Foyer_fictif_idx" ON "Foyer"("fictif");

-- CreateIndex
CREATE UNIQUE INDEX "Personne_nirEmpreinte_key" ON "Personne"("nirEmpreinte");

-- CreateIndex
CREATE UNIQUE INDEX "Personne_identifiantProvisoire_key" ON "Personne"("identifiantProvisoire");

-- CreateIndex
CREATE UNIQUE INDEX "Personne_franceConnectSub_key" ON "Personne"("franceConnectSub");

-- CreateIndex
CREATE INDEX "Personne_nomNaissance_dateNaissance_idx" ON "Personne"("nomNaissance", "dateNaissance");

-- CreateIndex
CREATE INDEX "Personne_fictif_idx" ON "Personne"("fictif");

-- CreateIndex
CREATE INDEX "Membre_personneId_idx" ON "Membre"("personneId");

-- CreateIndex
CREATE UNIQUE INDEX "Membre_foyerId_personneId_key" ON "Membre"("foyerId", "personneId");

-- CreateIndex
CREATE UNIQUE INDEX "Compte_personneId_key" ON "Compte"("personneId");

-- CreateIndex
CREATE INDEX "Coordonnee_type_empreinte_idx" ON "Coordonnee"("type", "empreinte");

-- CreateIndex
CREATE UNIQUE INDEX "Coordonnee_personneId_type_key" ON "Coordonnee"("personneId", "type");

-- CreateIndex
CREATE INDEX "Prestation_foyerId_idx" ON "Prestation"("foyerId");

-- CreateIndex
CREATE INDEX "Paiement_foyerId_payeLe_idx" ON "Paiement"("foyerId", "payeLe");

-- CreateIndex
CREATE INDEX "Delegation_foyerId_idx" ON "Delegation"("foyerId");

-- CreateIndex
CREATE INDEX "Delegation_delegataireId_idx" ON "Delegation"("delegataireId");

-- CreateIndex
CREATE INDEX "MesureProtection_protecteurId_idx" ON "MesureProtection"("protecteurId");

-- CreateIndex
CREATE INDEX "MesureProtection_protegeId_idx" ON "MesureProtection"("protegeId");

-- CreateIndex
CREATE UNIQUE INDEX "VersionCgu_version_key" ON "VersionCgu"("version");

-- CreateIndex
CREATE UNIQUE INDEX "AcceptationCgu_personneId_versionCguId_key" ON "AcceptationCgu"("personneId", "versionCguId");

-- CreateIndex
CREATE INDEX "Consentement_personneId_objet_idx" ON "Consentement"("personneId", "objet");

-- CreateIndex
CREATE INDEX "CodeVerification_cibleEmpreinte_objet_idx" ON "CodeVerification"("cibleEmpreinte", "objet");

-- CreateIndex
CREATE INDEX "CodeVerification_personneId_objet_idx" ON "CodeVerification"("personneId", "objet");

-- CreateIndex
CREATE INDEX "JournalAudit_sujetId_survenuLe_idx" ON "JournalAudit"("sujetId", "survenuLe");

-- CreateIndex
CREATE INDEX "JournalAudit_foyerId_survenuLe_idx" ON "JournalAudit"("foyerId", "survenuLe");

-- CreateIndex
CREATE INDEX "MessageSortant_statut_prochainEssaiLe_idx" ON "MessageSortant"("statut", "prochainEssaiLe");

-- AddForeignKey
ALTER TABLE "Membre" ADD CONSTRAINT "Membre_foyerId_fkey" FOREIGN KEY ("foyerId") REFERENCES "Foyer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Membre" ADD CONSTRAINT "Membre_personneId_fkey" FOREIGN KEY ("personneId") REFERENCES "Personne"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Compte" ADD CONSTRAINT "Compte_personneId_fkey" FOREIGN KEY ("personneId") REFERENCES "Personne"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Coordonnee" ADD CONSTRAINT "Coordonnee_personneId_fkey" FOREIGN KEY ("personneId") REFERENCES "Personne"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Prestation" ADD CONSTRAINT "Prestation_foyerId_fkey" FOREIGN KEY ("foyerId") REFERENCES "Foyer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Prestation" ADD CONSTRAINT "Prestation_beneficiaireId_fkey" FOREIGN KEY ("beneficiaireId") REFERENCES "Personne"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Paiement" ADD CONSTRAINT "Paiement_foyerId_fkey" FOREIGN KEY ("foyerId") REFERENCES "Foyer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Paiement" ADD CONSTRAINT "Paiement_prestationId_fkey" FOREIGN KEY ("prestationId") REFERENCES "Prestation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Delegation" ADD CONSTRAINT "Delegation_foyerId_fkey" FOREIGN KEY ("foyerId") REFERENCES "Foyer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Delegation" ADD CONSTRAINT "Delegation_delegantId_fkey" FOREIGN KEY ("delegantId") REFERENCES "Personne"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Delegation" ADD CONSTRAINT "Delegation_delegataireId_fkey" FOREIGN KEY ("delegataireId") REFERENCES "Personne"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MesureProtection" ADD CONSTRAINT "MesureProtection_protegeId_fkey" FOREIGN KEY ("protegeId") REFERENCES "Personne"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MesureProtection" ADD CONSTRAINT "MesureProtection_protecteurId_fkey" FOREIGN KEY ("protecteurId") REFERENCES "Personne"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AcceptationCgu" ADD CONSTRAINT "AcceptationCgu_personneId_fkey" FOREIGN KEY ("personneId") REFERENCES "Personne"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AcceptationCgu" ADD CONSTRAINT "AcceptationCgu_versionCguId_fkey" FOREIGN KEY ("versionCguId") REFERENCES "VersionCgu"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Consentement" ADD CONSTRAINT "Consentement_personneId_fkey" FOREIGN KEY ("personneId") REFERENCES "Personne"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CodeVerification" ADD CONSTRAINT "CodeVerification_personneId_fkey" FOREIGN KEY ("personneId") REFERENCES "Personne"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Constraints Prisma's schema language cannot express ---------------------------------------------------

-- One allocataire per foyer (current membership).
CREATE UNIQUE INDEX "Membre_un_allocataire_par_foyer" ON "Membre"("foyerId") WHERE "role" = 'ALLOCATAIRE' AND "jusquAuLe" IS NULL;

-- A verified e-mail address or mobile number belongs to one person only.
CREATE UNIQUE INDEX "Coordonnee_verifiee_unique" ON "Coordonnee"("type", "empreinte") WHERE "verifiee";

-- At most one active délégation per foyer.
CREATE UNIQUE INDEX "Delegation_active_unique" ON "Delegation"("foyerId") WHERE "retireeLe" IS NULL;

-- A conjoint allocataire always names the prestation that makes them one.
ALTER TABLE "Membre" ADD CONSTRAINT "Membre_prestation_propre_du_conjoint_allocataire"
  CHECK ("role" <> 'CONJOINT_ALLOCATAIRE' OR "prestationPropre" IS NOT NULL);

-- Identifier formats, as a last line of defence behind the application's validation.
ALTER TABLE "Foyer" ADD CONSTRAINT "Foyer_numero_allocataire_format" CHECK ("numeroAllocataire" ~ '^[0-9]{7}$');
ALTER TABLE "Personne" ADD CONSTRAINT "Personne_identifiant_provisoire_format" CHECK ("identifiantProvisoire" ~ '^P[0-9]{8}$');
ALTER TABLE "CodeVerification" ADD CONSTRAINT "CodeVerification_essais_positifs" CHECK ("essais" >= 0);

-- The audit journal is append-only: rows can be added, never changed or removed.
CREATE FUNCTION "journal_audit_ajout_seul"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'Le journal d''audit est en ajout seul : % refusé', TG_OP;
END;
$$;
CREATE TRIGGER "JournalAudit_ajout_seul"
  BEFORE UPDATE OR DELETE ON "JournalAudit"
  FOR EACH ROW EXECUTE FUNCTION "journal_audit_ajout_seul"();
CREATE TRIGGER "JournalAudit_pas_de_troncature"
  BEFORE TRUNCATE ON "JournalAudit"
  FOR EACH STATEMENT EXECUTE FUNCTION "journal_audit_ajout_seul"();
