// "Vous n'avez rien reçu ?" under every code entry of the portal (SPEC §3): wait a few seconds, check the spam
// folder or the phone, ask for a new code (with how many remain), or change the contact detail / the channel.
// Presentational only: each flow passes its own buttons.
import type { ReactNode } from "react";
import type { CanalCode } from "@/lib/verification/code-messages";

export function newCodeLabel(remaining: number): string {
  return `Recevoir un nouveau code (${remaining} ${remaining > 1 ? "possibles" : "possible"})`;
}

export function CodeHelp({
  canal,
  nouveauxCodesRestants,
  limitReachedAdvice,
  children,
}: {
  canal: CanalCode;
  nouveauxCodesRestants: number;
  /** What to do once no new code may be asked for (another channel, another contact detail…). */
  limitReachedAdvice: string;
  /** The buttons: the new code form (shown only while new codes remain) and the way to change the contact detail. */
  children: ReactNode;
}) {
  return (
    <section aria-labelledby="titre-rien-recu" className="fr-mt-6w">
      <h2 id="titre-rien-recu" className="fr-h5">
        Vous n&apos;avez rien reçu ?
      </h2>
      <ul>
        <li>Attendez quelques secondes : le message peut mettre un peu de temps à arriver.</li>
        {canal === "EMAIL" ? (
          <li>Regardez dans le dossier des courriers indésirables (spam) de votre messagerie.</li>
        ) : (
          <li>Vérifiez que votre téléphone capte le réseau et peut recevoir des SMS.</li>
        )}
        {nouveauxCodesRestants === 0 && <li>Vous avez demandé le nombre maximal de nouveaux codes. {limitReachedAdvice}</li>}
      </ul>
      <ul className="fr-btns-group fr-btns-group--inline-md">{children}</ul>
    </section>
  );
}
