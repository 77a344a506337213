-- FranceConnect matching and "identifiant oublié" look people up by birth date, then compare normalised names.
CREATE INDEX "Personne_dateNaissance_idx" ON "Personne"("dateNaissance");
