"use client";
// Warns five minutes before the 30-minute idle timeout, in a modal dialog that takes the focus, keeps it and can
// be answered with the keyboard: "Rester connecté" (or Escape) extends the session, "Se déconnecter" ends it.
import { useCallback, useEffect, useRef, useState, type KeyboardEvent, type RefObject } from "react";
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

  const stay = useCallback(async () => {
    const { alive } = await keepAlive();
    if (!alive) goToLoginAfterExpiry();
    else setLastActivity(Date.now());
  }, [keepAlive]);

  if (!warning) return null;
  // Announced once per minute, not every second.
  const announced = formatRemaining(Math.ceil(remaining / 60) * 60);
  return <ModalDialog onStay={stay} stayButton={stayButton} logoutFormId={logoutFormId} remaining={remaining} announced={announced} />;
}

/**
 * A native modal <dialog> (showModal): the browser makes the page behind inert, so nothing there can be reached or
 * read. Tab and Shift+Tab go round the two buttons; Escape means "Rester connecté" (closing the warning without an
 * answer would leave the countdown running with nothing on screen).
 */
function ModalDialog({
  onStay,
  stayButton,
  logoutFormId,
  remaining,
  announced,
}: {
  onStay: () => void;
  stayButton: RefObject<HTMLButtonElement | null>;
  logoutFormId: string;
  remaining: number;
  announced: string;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const logoutButton = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (!element.open) element.showModal();
    stayButton.current?.focus();
    return () => element.close();
  }, [stayButton]);

  function onKeyDown(event: KeyboardEvent<HTMLDialogElement>) {
    if (event.key === "Escape") {
      event.preventDefault();
      onStay();
      return;
    }
    if (event.key !== "Tab") return;
    const first = stayButton.current;
    const last = logoutButton.current;
    const root = dialog.current;
    if (!first || !last || !root) return;
    const active = document.activeElement;
    const inside = root.contains(active);
    if (event.shiftKey && (active === first || !inside)) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && (active === last || !inside)) {
      event.preventDefault();
      first.focus();
    }
  }

  return (
    <dialog
      ref={dialog}
      role="alertdialog"
      aria-modal="true"
      aria-labelledby="expiration-titre"
      aria-describedby="expiration-texte"
      className="mc-dialogue-expiration fr-p-4w"
      onKeyDown={onKeyDown}
      onCancel={(event) => {
        event.preventDefault();
        onStay();
      }}
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
      <ul className="fr-btns-group fr-btns-group--inline-md fr-mb-0">
        <li>
          <button ref={stayButton} type="button" className="fr-btn" onClick={onStay}>
            Rester connecté
          </button>
        </li>
        <li>
          <button ref={logoutButton} type="submit" form={logoutFormId} className="fr-btn fr-btn--secondary">
            Se déconnecter
          </button>
        </li>
      </ul>
    </dialog>
  );
}
