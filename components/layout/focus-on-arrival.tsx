"use client";
// After a client navigation (a link, or a server action that redirects), the focus would stay on <body> or on a
// button that no longer exists: a screen reader then reads nothing of the page reached. This moves the focus to
// the page's success message when it shows one, otherwise to its <h1>, so that it is read first and the keyboard
// starts from there. A full page load is left to the browser (and to the error summary's autofocus).
import { useEffect, useRef } from "react";
import { usePathname, useSearchParams } from "next/navigation";

/** A page may name what to focus with this attribute; otherwise its success alert, otherwise its <h1>. */
export const FOCUS_ON_ARRIVAL_ATTRIBUTE = "data-focus-arrivee";

function arrivalTarget(main: HTMLElement): HTMLElement | null {
  return main.querySelector<HTMLElement>(`[${FOCUS_ON_ARRIVAL_ATTRIBUTE}]`) ?? main.querySelector<HTMLElement>(".fr-alert--success") ?? main.querySelector<HTMLElement>("h1");
}

export function FocusOnArrival({ mainId }: { mainId: string }) {
  const pathname = usePathname();
  const search = useSearchParams().toString();
  const address = search ? `${pathname}?${search}` : pathname;
  const previous = useRef<string | null>(null);

  useEffect(() => {
    const arrived = previous.current !== null && previous.current !== address;
    previous.current = address;
    if (!arrived) return;
    const main = document.getElementById(mainId);
    const target = main && arrivalTarget(main);
    if (!target) return;
    if (!target.hasAttribute("tabindex")) target.setAttribute("tabindex", "-1");
    target.focus();
  }, [address, mainId]);

  return null;
}
