import type { Metadata } from "next";
import { BackLink } from "@/components/layout/back-link";
import { formatDateFr, formatTimeFr } from "@/lib/auth/format-date";
import { METHOD_LABELS, connectionHistory } from "@/lib/auth/connection-history";
import { requireCanActFor, SOI } from "@/lib/access/require-can-act-for";

export const metadata: Metadata = { title: "Historique de mes connexions" };

// Three columns, each cell wrapping on two lines, so that the whole table (the "Résultat" column included) fits a
// 320 px screen: nothing scrolls sideways, so there is no scrolling frame that the keyboard would have to reach.
export default async function ConnexionsPage() {
  const { grant } = await requireCanActFor(SOI, "VOIR_SES_DONNEES");
  const entries = await connectionHistory(grant);
  return (
    <>
      <h1>Historique de mes connexions</h1>
      <p>Les connexions à votre espace et les tentatives échouées des 12 derniers mois. Si l&apos;une d&apos;elles ne vient pas de vous, changez votre mot de passe.</p>
      <div className="fr-table fr-table--no-caption">
        <table>
          <caption>Connexions des 12 derniers mois</caption>
          <thead>
            <tr>
              <th scope="col">Date et heure</th>
              <th scope="col">Moyen et appareil</th>
              <th scope="col">Résultat</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((entry, index) => (
              <tr key={index}>
                <td>
                  {formatDateFr(entry.survenueLe)}
                  <br />à {formatTimeFr(entry.survenueLe)}
                </td>
                <td>
                  {METHOD_LABELS[entry.methode]}
                  <br />
                  {entry.appareil}
                </td>
                <td>{entry.reussie ? "Réussie" : "Échouée"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <BackLink href="/tableau-de-bord">Retour au tableau de bord</BackLink>
    </>
  );
}
