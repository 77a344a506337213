import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { CguAcceptanceForm } from "@/components/cgu/cgu-acceptance-form";
import { FoldedCguText } from "@/components/cgu/cgu-text";
import { refuseCgu, submitCguAcceptance } from "@/app/conditions-generales/actions";
import { safeReturnPath } from "@/lib/auth/return-path";
import { requireSession } from "@/lib/auth/session";
import { currentCgu, hasAcceptedCurrentCgu } from "@/lib/cgu/cgu-versions";
import { db } from "@/lib/db/client";

export const metadata: Metadata = { title: "Nouvelles conditions générales d'utilisation" };

// A new CGU version was published: the person reads and accepts it before anything else in their space.
export default async function CguAcceptancePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const session = await requireSession({ cgu: false });
  const params = await searchParams;
  const retour = safeReturnPath(typeof params.retour === "string" ? params.retour : undefined);
  const prisma = await db();
  if (await hasAcceptedCurrentCgu(prisma, session.personneId)) redirect(retour);
  const cgu = (await currentCgu(prisma))!;
  return (
    <div className="fr-grid-row fr-grid-row--center">
      <div className="fr-col-12 fr-col-md-10 fr-col-lg-8">
        <h1>Les conditions d&apos;utilisation ont changé</h1>
        <p>Une nouvelle version des conditions générales d&apos;utilisation de votre espace est en vigueur. Lisez-la puis acceptez-la pour continuer.</p>
        {params["nouvelle-version"] === "1" && (
          <Alert severity="info" small className="fr-mb-3w" description="Une version encore plus récente vient d'être publiée : voici son texte." />
        )}
        <h2 className="fr-h4">Le texte en vigueur</h2>
        <FoldedCguText texte={cgu.texte} version={cgu.version} dateVersion={cgu.dateVersion} />
        <CguAcceptanceForm versionId={cgu.id} retour={retour} submitLabel="Accepter et continuer" acceptAction={submitCguAcceptance} refuseAction={refuseCgu} />
      </div>
    </div>
  );
}
