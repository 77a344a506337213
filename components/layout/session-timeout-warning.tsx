"use client";
// Warns five minutes before the 30-minute idle timeout, in an accessible dialog that takes the focus and can
// be answered with the keyboard: "Rester connecté" extends the session, "Se déconnecter" ends it.
import { useCallback, useEffect, useRef, useState } from "react";
import { usePathname } from "next/navigation";

const IDLE_SECONDS = 30 * 60;

/** A full page load, not a client navigation: the layout must be rendered again without the ended session. */
function goToLoginAfterExpiry() {
  // eslint-disable-next-line @next/next/no-location-assign-relative-destination
  window.location.assign("/connexion?raison=expiree");
}
const WARN_SECONDS = 5 * 60;

function formatRemaining(seconds: number): string {
  const minutes = Math.floor(seconds / 60);
  const rest = seconds % 60;
  if (minutes === 0) return `${rest} seconde${rest > 1 ? "s" : ""}`;
  return `${minutes} minute${minutes > 1 ? "s" : ""}${rest ? ` et ${rest} seconde${rest > 1 ? "s" : ""}` : ""}`;
}

/** A navigation reaches the server, which refreshes the idle clock: each page starts counting again. */
type Props = {
  logoutFormId: string;
  /** The server action behind "Rester connecté" (passed by the layout: a component never imports from app/). */
  keepAlive: () => Promise<{ alive: boolean }>;
};

export function SessionTimeoutWarning(props: Props) {
  return <IdleCountdown key={usePathname()} {...props} />;
}

function IdleCountdown({ logoutFormId, keepAlive }: Props) {
  const [lastActivity, setLastActivity] = useState(() => Date.now());
  const [now, setNow] = useState(() => Date.now());
  const stayButton = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1_000);
    return () => clearInterval(timer);
  }, []);

  const remaining = Math.max(0, IDLE_SECONDS - Math.floor((now - lastActivity) / 1000));
  const warning = remaining <= WARN_SECONDS;

  useEffect(() => {
    if (remaining === 0) goToLoginAfterExpiry();
  }, [remaining]);

  useEffect(() => {
    if (warning) stayButton.current?.focus();
  }, [warning]);

  const stay = useCallback(async () => {
    const { alive } = await keepAlive();
    if (!alive) goToLoginAfterExpiry();
    else setLastActivity(Date.now());
  }, [keepAlive]);

  if (!warning) return null;
  // Announced once per minute, not every second.
  const announced = formatRemaining(Math.ceil(remaining / 60) * 60);
  return (
    <div style={{ position: "fixed", inset: 0, zIndex: 2000, background: "rgba(22, 22, 22, 0.64)", display: "flex", alignItems: "center", justifyContent: "center", padding: "1rem" }}>
      <div
        role="alertdialog"
        aria-modal="true"
        aria-labelledby="expiration-titre"
        aria-describedby="expiration-texte"
        className="fr-p-4w"
        style={{ background: "var(--background-default-grey)", maxWidth: "36rem", width: "100%" }}
      >
        <h2 id="expiration-titre" className="fr-h4">
          Votre session va bientôt expirer
        </h2>
        <p id="expiration-texte">
          Sans action de votre part, vous serez déconnecté dans <span aria-hidden="true">{formatRemaining(remaining)}</span>
          <span className="fr-sr-only" aria-live="polite">
            {announced}
          </span>
          , pour protéger vos informations.
        </p>
        <ul className="fr-btns-group fr-btns-group--inline-md">
          <li>
            <button ref={stayButton} type="button" className="fr-btn" onClick={stay}>
              Rester connecté
            </button>
          </li>
          <li>
            <button type="submit" form={logoutFormId} className="fr-btn fr-btn--secondary">
              Se déconnecter
            </button>
          </li>
        </ul>
      </div>
    </div>
  );
}
