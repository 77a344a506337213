-- Message bodies may hold a live verification code: from now on they are encrypted like the recipient
-- ("texteChiffre", "htmlChiffre") and erased once the message is sent or given up.
-- Bodies written in clear before this migration cannot be encrypted here (the key is not in the database): they are
-- dropped with their columns, and the messages still waiting are given up (a code expires within 15 minutes anyway).
UPDATE "MessageSortant"
SET "statut" = 'ECHEC_DEFINITIF', "derniereErreur" = 'abandonné à la migration : corps en clair effacé'
WHERE "statut" = 'EN_ATTENTE';

-- AlterTable
ALTER TABLE "MessageSortant" DROP COLUMN "html",
DROP COLUMN "texte",
ADD COLUMN     "htmlChiffre" TEXT,
ADD COLUMN     "texteChiffre" TEXT;
