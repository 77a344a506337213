-- AlterTable
ALTER TABLE "Personne" ADD COLUMN     "coordonneesRetirees" "TypeCoordonnee"[] DEFAULT ARRAY[]::"TypeCoordonnee"[];

-- AlterTable
ALTER TABLE "Compte" ADD COLUMN     "coordonneesDossierChiffrees" TEXT;

