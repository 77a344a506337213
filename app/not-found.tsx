import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "Page introuvable" };

export default function NotFound() {
  return (
    <div className="fr-col-12 fr-col-md-8">
      <h1>Page introuvable</h1>
      <p className="fr-text--lead">La page que vous cherchez n&apos;existe pas ou a changé d&apos;adresse.</p>
      <p>Si vous avez tapé l&apos;adresse, vérifiez-la. Sinon, repartez de la page d&apos;accueil.</p>
      <Link className="fr-btn" href="/">
        Page d&apos;accueil
      </Link>
    </div>
  );
}
