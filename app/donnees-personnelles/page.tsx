import type { Metadata } from "next";

export const metadata: Metadata = { title: "Données personnelles" };

export default function DonneesPersonnellesPage() {
  return (
    <div className="fr-col-12 fr-col-md-8">
      <h1>Vos données personnelles</h1>
      <h2>Ce que nous utilisons</h2>
      <p>
        Les informations de votre dossier (identité, foyer, ressources, prestations) servent uniquement à calculer et à
        verser vos droits. En dehors de votre dossier, nous ne conservons que les données techniques nécessaires à la
        sécurité de votre espace, comme l&apos;adresse IP de vos connexions. Aucune donnée n&apos;est utilisée à des fins
        commerciales.
      </p>
      <h2>Combien de temps</h2>
      <p>
        Les données d&apos;un dossier sont gardées 6 ans après la fin de votre relation avec la Caf, ou jusqu&apos;à la
        décision définitive en cas de litige. Votre accès à Mon Compte est supprimé 6 ans après que vous avez cessé
        d&apos;être allocataire ; il ne peut pas l&apos;être tant qu&apos;un droit, une dette ou un litige est en cours. Les
        journaux techniques sont gardés 1 an.
      </p>
      <h2>Vos droits</h2>
      <p>
        Vous pouvez consulter les informations qui vous concernent, faire corriger ce qui est inexact, demander leur
        effacement ou la limitation de leur usage, vous y opposer, les récupérer dans un format réutilisable et retirer un
        consentement donné. Certaines de ces demandes sont limitées par nos obligations légales, par exemple tant
        qu&apos;une dette est en cours. Nous vous répondons dans un délai d&apos;un mois, prolongeable de deux mois si la
        demande est complexe.
      </p>
      <h2>Les données d&apos;autres personnes</h2>
      <p>
        Si vous nous donnez des informations sur une autre personne (votre conjoint, un enfant majeur…), vous certifiez
        qu&apos;elle en est d&apos;accord ; cette déclaration est enregistrée.
      </p>
    </div>
  );
}
