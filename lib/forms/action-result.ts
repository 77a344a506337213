// The one shape every server action returns to its form: never a database row, never an exception's text.
export type ActionResult<Field extends string = string> = {
  status: "idle" | "error" | "success" | "info";
  message?: string;
  fieldErrors?: Partial<Record<Field, string>>;
  /** Values to put back in the form after a failed submit (passwords only as lib/forms/password-form-state.ts allows). */
  values?: Partial<Record<Field, string>>;
};

/** First message of each field from a zod error. */
export function fieldErrorsFrom<Field extends string>(issues: readonly { path: PropertyKey[]; message: string }[]) {
  const errors: Partial<Record<Field, string>> = {};
  for (const issue of issues) {
    const field = issue.path[0] as Field | undefined;
    if (field !== undefined && errors[field] === undefined) errors[field] = issue.message;
  }
  return errors;
}
