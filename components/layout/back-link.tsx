// The DSFR "back" link (arrow on the left), e.g. "Retour à la connexion".
import type { ReactNode } from "react";
import Link from "next/link";

export function BackLink({ href, children }: { href: string; children: ReactNode }) {
  return (
    <Link className="fr-link fr-icon-arrow-left-line fr-link--icon-left mc-cible-tactile" href={href}>
      {children}
    </Link>
  );
}
