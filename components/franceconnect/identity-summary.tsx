import type { IdentityFields } from "@/lib/franceconnect/prefill";

/** The identity FranceConnect transmitted, as a description list (read-only). */
export function IdentitySummary({ fields }: { fields: IdentityFields }) {
  const rows: [string, string][] = [
    ["Nom de naissance", fields.nomNaissance],
    ...(fields.nomUsage ? ([["Nom d'usage", fields.nomUsage]] as [string, string][]) : []),
    ["Prénoms", fields.prenoms],
    ["Sexe", fields.sexe === "F" ? "Féminin" : "Masculin"],
    ["Date de naissance", `${fields.jour}/${fields.mois}/${fields.annee}`],
    ["Lieu de naissance", fields.neEnFrance ? `France, commune de code Insee ${fields.communeNaissance}` : `à l'étranger : ${fields.paysNaissance}`],
  ];
  return (
    <dl className="fr-mb-4w">
      {rows.map(([label, value]) => (
        <div key={label} className="fr-mb-1w">
          <dt className="fr-text--bold fr-mb-0">{label}</dt>
          <dd className="fr-ml-0">{value}</dd>
        </div>
      ))}
    </dl>
  );
}
