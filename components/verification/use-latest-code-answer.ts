"use client";
// A code screen has two forms: the code, and "Recevoir un nouveau code". Only the answer to the last one pressed
// is shown: after a new code, the error about the old one goes, and the screen's validity sentence and count of
// new codes become the new code's. Without JavaScript the page is drawn again after each post, so this holds too.
import { useState } from "react";
import type { ActionResult } from "@/lib/forms/action-result";
import type { NewCodeAnswer } from "@/lib/verification/code-messages";

const IDLE = { status: "idle" } as const;

export function useLatestCodeAnswer<S extends ActionResult>(
  submitted: S,
  resent: NewCodeAnswer,
  onPage: { validite: string; nouveauxCodesRestants: number },
): { submitted: S; resent: NewCodeAnswer; validite: string; nouveauxCodesRestants: number } {
  const [seen, setSeen] = useState({ submitted, resent, last: "aucune" as "aucune" | "code" | "nouveau-code" });
  let last = seen.last;
  if (seen.submitted !== submitted || seen.resent !== resent) {
    last = seen.resent !== resent ? "nouveau-code" : "code";
    setSeen({ submitted, resent, last });
  }
  const resentShown = last === "code" ? IDLE : resent;
  return {
    submitted: last === "nouveau-code" ? (IDLE as S) : submitted,
    resent: resentShown,
    validite: resent.validite ?? onPage.validite,
    nouveauxCodesRestants: resent.nouveauxCodesRestants ?? onPage.nouveauxCodesRestants,
  };
}
