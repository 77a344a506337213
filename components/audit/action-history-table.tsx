// The rows of an "Historique des actions" (a dossier's or a person's own), with links to the other pages. Plain
// links and a table: nothing here needs JavaScript. On a narrow screen the DSFR table scrolls within its frame.
import Link from "next/link";
import { formatDateFr, formatTimeFr } from "@/lib/auth/format-date";
import type { ActionPage } from "@/lib/audit/action-history";

export function ActionHistoryTable({ history, caption, empty, basePath }: { history: ActionPage; caption: string; empty: string; basePath: string }) {
  const { entries, page, hasNext } = history;
  if (entries.length === 0 && page === 1) return <p>{empty}</p>;
  const href = (n: number) => (n === 1 ? basePath : `${basePath}?page=${n}`);
  return (
    <>
      <div className="fr-table fr-table--no-caption">
        <table>
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">Date</th>
              <th scope="col">Action</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((entry) => (
              <tr key={entry.id}>
                <td>
                  <time dateTime={entry.survenuLe.toISOString()}>
                    {formatDateFr(entry.survenuLe)} à {formatTimeFr(entry.survenuLe)}
                  </time>
                </td>
                <td>
                  {entry.phrase}
                  {entry.adresse && (
                    <>
                      <br />
                      <span className="fr-text--xs">Depuis l&apos;adresse IP {entry.adresse}</span>
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {entries.length === 0 && <p>Il n&apos;y a pas d&apos;autre action à afficher.</p>}
      {(page > 1 || hasNext) && (
        <nav role="navigation" className="fr-pagination" aria-label="Pages de l'historique">
          <ul className="fr-pagination__list">
            {page > 1 && (
              <li>
                <Link className="fr-pagination__link fr-pagination__link--prev fr-pagination__link--lg-label" href={href(page - 1)}>
                  Actions plus récentes
                </Link>
              </li>
            )}
            <li>
              <span className="fr-pagination__link" aria-current="page">
                Page {page}
              </span>
            </li>
            {hasNext && (
              <li>
                <Link className="fr-pagination__link fr-pagination__link--next fr-pagination__link--lg-label" href={href(page + 1)}>
                  Actions plus anciennes
                </Link>
              </li>
            )}
          </ul>
        </nav>
      )}
    </>
  );
}
