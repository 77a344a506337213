import type { Metadata } from "next";

export const metadata: Metadata = { title: "Conditions générales d'utilisation" };

export default function CguPage() {
  return (
    <div className="fr-col-12 fr-col-md-8">
      <h1>Conditions générales d&apos;utilisation</h1>
      <p>
        Les conditions générales d&apos;utilisation en vigueur vous sont présentées lors de votre première connexion, et
        de nouveau à chaque nouvelle version : vous devez les accepter pour utiliser votre espace.
      </p>
      <h2>L&apos;essentiel</h2>
      <ul>
        <li>Votre identifiant et votre mot de passe sont personnels : ne les confiez à personne, pas même à un proche.</li>
        <li>Chaque personne du foyer qui a un espace a ses propres identifiants.</li>
        <li>Ce que vous faites dans votre espace est enregistré à votre nom.</li>
        <li>Nous ne vous envoyons jamais de lien pour vous connecter : tapez vous-même l&apos;adresse du portail.</li>
      </ul>
    </div>
  );
}
