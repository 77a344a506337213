/** A real form, so that logging out works without JavaScript too. The page passes the logout server action. */
export function LogoutButton({ action, className = "fr-btn fr-btn--tertiary fr-icon-logout-box-r-line fr-btn--icon-left" }: { action: () => Promise<void>; className?: string }) {
  return (
    <form action={action}>
      <button type="submit" className={className}>
        Se déconnecter
      </button>
    </form>
  );
}
