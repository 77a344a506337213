import { Input } from "@codegouvfr/react-dsfr/Input";
import type { IdentityFields } from "@/lib/franceconnect/prefill";

/**
 * The first step of "Créer mon espace", prefilled with the identity FranceConnect certified. Read-only: what
 * FranceConnect certifies is not retyped; the steps after it (contacts, password) come with the primo-demandeur
 * issue, which will give this form its action.
 */
export function PrefilledIdentityForm({ fields }: { fields: IdentityFields }) {
  const field = (id: keyof IdentityFields, label: string, value: string, hintText?: string) => (
    <Input label={label} hintText={hintText} nativeInputProps={{ id, name: id, defaultValue: value, readOnly: true, autoComplete: "off" }} />
  );
  return (
    <form aria-labelledby="titre-identite-franceconnect">
      <fieldset className="fr-fieldset" aria-labelledby="titre-identite-franceconnect">
        <legend className="fr-fieldset__legend" id="titre-identite-franceconnect">
          Étape 1 : votre identité
          <span className="fr-hint-text">Transmise et garantie par FranceConnect : vous n&apos;avez pas à la saisir.</span>
        </legend>
        <div className="fr-fieldset__element">{field("nomNaissance", "Nom de naissance", fields.nomNaissance)}</div>
        {fields.nomUsage && <div className="fr-fieldset__element">{field("nomUsage", "Nom d'usage", fields.nomUsage)}</div>}
        <div className="fr-fieldset__element">{field("prenoms", "Prénoms", fields.prenoms, "Dans l'ordre de l'état civil")}</div>
        <div className="fr-fieldset__element">{field("sexe", "Sexe", fields.sexe === "F" ? "Féminin" : "Masculin")}</div>
        <div className="fr-fieldset__element fr-fieldset__element--inline fr-fieldset__element--number">{field("jour", "Jour de naissance", fields.jour)}</div>
        <div className="fr-fieldset__element fr-fieldset__element--inline fr-fieldset__element--number">{field("mois", "Mois de naissance", fields.mois)}</div>
        <div className="fr-fieldset__element fr-fieldset__element--inline fr-fieldset__element--year">{field("annee", "Année de naissance", fields.annee)}</div>
        <div className="fr-fieldset__element">{field("paysNaissance", "Pays de naissance", fields.paysNaissance)}</div>
        {fields.neEnFrance && <div className="fr-fieldset__element">{field("communeNaissance", "Commune de naissance (code Insee)", fields.communeNaissance)}</div>}
      </fieldset>
    </form>
  );
}
