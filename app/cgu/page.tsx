import type { Metadata } from "next";
import { CguText } from "@/components/cgu/cgu-text";
import { currentCgu } from "@/lib/cgu/cgu-versions";
import { db } from "@/lib/db/client";

export const metadata: Metadata = { title: "Conditions générales d'utilisation" };
export const dynamic = "force-dynamic";

// The version in force, as published by the Caf (the one people accept in their space).
export default async function CguPage() {
  const cgu = await currentCgu(await db());
  return (
    <div className="fr-col-12 fr-col-md-8">
      <h1>Conditions générales d&apos;utilisation</h1>
      <p>
        Les conditions générales d&apos;utilisation en vigueur vous sont présentées lors de votre première connexion, et de
        nouveau à chaque nouvelle version : vous devez les accepter pour utiliser votre espace.
      </p>
      {cgu ? (
        <>
          <h2>Le texte en vigueur</h2>
          <CguText texte={cgu.texte} version={cgu.version} dateVersion={cgu.dateVersion} />
        </>
      ) : (
        <p>Aucune version n&apos;est publiée pour le moment.</p>
      )}
    </div>
  );
}
