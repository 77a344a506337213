// Demo only: the e-mails and SMS the portal sent, as captured by the local sinks (lib/messaging/dev-sinks), so that
// a person trying the demo can read their verification codes. Does not exist in production, nor for a client that is not on this machine.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { demoToolsOpen } from "@/lib/demo/demo-tools";
import { formatMobileForDisplay } from "@/lib/identity/mobile";
import { readSinkMessages, type SinkMessage } from "@/lib/messaging/dev-sinks/message-store";
import { formatDateHeure } from "@/lib/messaging/templates";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Messages envoyés (démonstration)" };

function title(message: SinkMessage): string {
  if (message.canal === "SMS") return `SMS au ${formatMobileForDisplay(message.to)}`;
  return message.subject?.trim() || "Courriel sans objet";
}

export default async function DevMessagesPage() {
  if (!(await demoToolsOpen())) notFound();
  const messages = await readSinkMessages();
  return (
    <div className="fr-grid-row">
      <div className="fr-col-12 fr-col-lg-9">
        <h1>Messages envoyés (démonstration)</h1>
        <p className="fr-text--lead">
          Les courriels et SMS envoyés par le portail de démonstration arrivent ici au lieu de partir vers de vraies
          boîtes aux lettres ou de vrais téléphones. Vous y trouverez notamment vos codes de vérification.
        </p>
        <p>
          Un message apparaît quelques secondes après l&apos;action qui l&apos;a déclenché.{" "}
          <Link href="/dev/messages" prefetch={false} className="fr-link">
            Actualiser la liste
          </Link>
        </p>

        {messages.length === 0 ? (
          <div className="fr-callout" data-testid="aucun-message">
            <p className="fr-callout__text">
              Aucun message envoyé pour l&apos;instant. Demandez par exemple un code de vérification, puis revenez sur
              cette page.
            </p>
          </div>
        ) : (
          <>
            <p>
              {messages.length === 1 ? "1 message" : `${messages.length} messages`}, du plus récent au plus ancien.
            </p>
            <ul className="fr-raw-list" data-testid="messages-envoyes">
              {messages.map((message) => (
                <li key={message.id} className="fr-mb-3w">
                  <article
                    aria-labelledby={`message-${message.id}`}
                    className="fr-p-3w"
                    style={{ border: "1px solid var(--border-default-grey)" }}
                  >
                    <p className={`fr-badge fr-badge--sm fr-mb-1w ${message.canal === "EMAIL" ? "fr-badge--blue-ecume" : "fr-badge--green-emeraude"}`}>
                      {message.canal === "EMAIL" ? "Courriel" : "SMS"}
                    </p>
                    <h2 id={`message-${message.id}`} className="fr-h5 fr-mb-2w">
                      {title(message)}
                    </h2>
                    <dl className="fr-text--sm fr-mb-2w">
                      <div>
                        <dt className="fr-text--bold" style={{ display: "inline" }}>
                          Destinataire :{" "}
                        </dt>
                        <dd style={{ display: "inline", margin: 0 }}>
                          {message.canal === "SMS" ? formatMobileForDisplay(message.to) : message.to}
                        </dd>
                      </div>
                      <div>
                        <dt className="fr-text--bold" style={{ display: "inline" }}>
                          Expéditeur :{" "}
                        </dt>
                        <dd style={{ display: "inline", margin: 0 }}>{message.from}</dd>
                      </div>
                      <div>
                        <dt className="fr-text--bold" style={{ display: "inline" }}>
                          Reçu le :{" "}
                        </dt>
                        <dd style={{ display: "inline", margin: 0 }}>
                          <time dateTime={message.receivedAt}>{formatDateHeure(new Date(message.receivedAt))}</time>
                        </dd>
                      </div>
                    </dl>
                    <div className="fr-p-2w" style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere", background: "var(--background-alt-grey)" }}>
                      {message.text}
                    </div>
                  </article>
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
    </div>
  );
}
