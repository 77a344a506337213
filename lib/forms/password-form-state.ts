// What a password form (first password, password change, "Mot de passe oublié") gets back after a failed submit.
//
// A failed submit does not empty every field: the action's answer puts back the values the server ACCEPTED, and
// only those — the current password once verified right, the new one when it meets the whole policy, its
// confirmation when it equals that new one. A wrong current password, a refused new password (it must be replaced
// anyway) and a confirmation that does not match are never sent back. The values travel only in the answer to the
// person's own post (the server action's state, or the page re-rendered for that post without JavaScript), over
// the same connection that brought them: never in an address, a cookie, a log or the journal.
import type { ActionResult } from "./action-result";

export type PasswordFormState<Field extends string> = ActionResult<Field> & {
  /** Every rule the new password breaks, one sentence each, when it breaks more than one: a list under the field. */
  reglesNonRespectees?: string[];
};

/**
 * The values a failed password form may show again: each field without an error, and a field that only makes sense
 * with another one (the confirmation with the new password) only when that one is kept too.
 */
export function passwordValuesToKeep<Field extends string>(
  submitted: Record<Field, FormDataEntryValue | null>,
  fieldErrors: Partial<Record<NoInfer<Field>, string>>,
  keptOnlyWith: Partial<Record<NoInfer<Field>, NoInfer<Field>>> = {},
): Partial<Record<Field, string>> {
  const kept: Partial<Record<Field, string>> = {};
  const fields = Object.keys(submitted) as Field[];
  const acceptable = (field: Field) => {
    const value = submitted[field];
    return typeof value === "string" && value !== "" && fieldErrors[field] === undefined;
  };
  for (const field of fields) {
    const partner = keptOnlyWith[field];
    if (acceptable(field) && (partner === undefined || acceptable(partner))) kept[field] = submitted[field] as string;
  }
  return kept;
}
