// A DSFR text field with its error, for the forms of "Créer mon espace" (no hooks: used inside client forms).
import { Input } from "@codegouvfr/react-dsfr/Input";

export function TextField({
  name,
  label,
  hint,
  error,
  defaultValue,
  autoComplete,
  inputMode,
}: {
  name: string;
  label: string;
  hint?: string;
  error?: string;
  defaultValue?: string;
  autoComplete?: string;
  inputMode?: "text" | "numeric" | "email" | "tel";
}) {
  return (
    <Input
      label={label}
      hintText={hint}
      state={error ? "error" : "default"}
      stateRelatedMessage={error}
      nativeInputProps={{
        id: name,
        name,
        defaultValue: defaultValue ?? "",
        autoComplete,
        inputMode,
        spellCheck: false,
        "aria-invalid": error ? true : undefined,
      }}
    />
  );
}
