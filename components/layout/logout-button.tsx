import { logout } from "@/app/deconnexion/actions";

/** A real form, so that logging out works without JavaScript too. */
export function LogoutButton({ className = "fr-btn fr-btn--tertiary fr-icon-logout-box-r-line fr-btn--icon-left" }: { className?: string }) {
  return (
    <form action={logout}>
      <button type="submit" className={className}>
        Se déconnecter
      </button>
    </form>
  );
}
