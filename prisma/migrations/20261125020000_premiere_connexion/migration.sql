-- First-connection wizard (SPEC §3): markers of the contact and délégation steps, and the activation time.
ALTER TABLE "Compte" ADD COLUMN     "activeLe" TIMESTAMP(3),
ADD COLUMN     "coordonneesSaisiesLe" TIMESTAMP(3),
ADD COLUMN     "delegationProposeeLe" TIMESTAMP(3);

-- Accounts activated before this migration went through la bascule some other way: they count as activated.
UPDATE "Compte" SET "activeLe" = "creeLe" WHERE "etat" <> 'NON_ACTIVE';

-- The date a CGU document carries, beside its publication time.
ALTER TABLE "VersionCgu" ADD COLUMN     "dateVersion" DATE;
