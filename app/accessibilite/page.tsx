import type { Metadata } from "next";

export const metadata: Metadata = { title: "Accessibilité" };

export default function AccessibilitePage() {
  return (
    <div className="fr-col-12 fr-col-md-8">
      <h1>Déclaration d&apos;accessibilité</h1>
      <p>
        Mon Compte doit pouvoir être utilisé par toutes et tous, y compris avec un lecteur d&apos;écran, au clavier seul, avec
        un agrandissement de l&apos;écran ou sur un téléphone ancien.
      </p>
      <h2>État de conformité</h2>
      <p>
        Le portail est <strong>partiellement conforme</strong> au référentiel général d&apos;amélioration de
        l&apos;accessibilité (RGAA) : chaque page est vérifiée automatiquement à chaque modification, mais aucun audit
        complet n&apos;a encore été réalisé.
      </p>
      <h2>Signaler un problème</h2>
      <p>
        Si vous ne parvenez pas à accéder à un contenu ou à un service, signalez-le à votre Caf : elle vous apportera une
        réponse ou vous communiquera l&apos;information sous une autre forme.
      </p>
      <h2>Voie de recours</h2>
      <p>
        Si votre signalement reste sans réponse satisfaisante, vous pouvez saisir le Défenseur des droits, par son
        formulaire en ligne, auprès de l&apos;un de ses délégués ou par courrier postal gratuit (Défenseur des droits,
        Libre réponse 71120, 75342 Paris CEDEX 07).
      </p>
    </div>
  );
}
