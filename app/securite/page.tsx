import type { Metadata } from "next";

export const metadata: Metadata = { title: "Signaler une faille de sécurité" };

// The policy that /.well-known/security.txt points to: how to report a vulnerability, and what we commit to.
export default function SecuritePage() {
  return (
    <div className="fr-col-12 fr-col-md-8">
      <h1>Signaler une faille de sécurité</h1>
      <p>
        Vous pensez avoir trouvé une faille de sécurité dans Mon Compte ? Merci de nous l&apos;écrire à l&apos;adresse indiquée
        dans le fichier <a href="/.well-known/security.txt">security.txt</a> du portail, en français ou en anglais.
      </p>
      <h2>Ce qui nous aide</h2>
      <ul>
        <li>la page ou l&apos;adresse concernée, et ce que vous avez fait, étape par étape ;</li>
        <li>ce que la faille permettrait à quelqu&apos;un de mal intentionné ;</li>
        <li>un moyen de vous répondre.</li>
      </ul>
      <h2>Ce que nous vous demandons</h2>
      <ul>
        <li>n&apos;utilisez que vos propres comptes ou des comptes de démonstration ;</li>
        <li>ne consultez, ne modifiez et ne conservez aucune donnée d&apos;une autre personne ;</li>
        <li>ne rendez pas la faille publique avant qu&apos;elle soit corrigée.</li>
      </ul>
      <h2>Ce que nous faisons</h2>
      <p>
        Nous accusons réception de votre message, nous l&apos;examinons avec attention et nous vous tenons au courant de la
        correction.
      </p>
    </div>
  );
}
