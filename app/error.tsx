"use client";
import Link from "next/link";

// Any failure while rendering a page (the database out of reach, for instance): a plain message and a way
// back, never a stack trace.
export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="fr-col-12 fr-col-md-8">
      <title>Service momentanément indisponible — Mon Compte</title>
      <h1>Service momentanément indisponible</h1>
      <p className="fr-text--lead">Nous ne pouvons pas afficher cette page pour le moment. Vos informations ne sont pas perdues.</p>
      <p>Réessayez dans quelques minutes.</p>
      <ul className="fr-btns-group fr-btns-group--inline-md">
        <li>
          <button className="fr-btn" type="button" onClick={reset}>
            Réessayer
          </button>
        </li>
        <li>
          <Link className="fr-btn fr-btn--secondary" href="/">
            Page d&apos;accueil
          </Link>
        </li>
      </ul>
    </div>
  );
}
