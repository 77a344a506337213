// The 6-digit code field of every code screen: numeric keyboard on phones, one-time-code autofill, its error.
import { Input } from "@codegouvfr/react-dsfr/Input";
import type { CanalCode } from "@/lib/verification/code-messages";

/** Without a channel (the login of a protected account does not say where the code went), both are named. */
export function CodeInput({ canal, error }: { canal?: CanalCode; error?: string }) {
  return (
    <Input
      label="Code de vérification"
      hintText={`6 chiffres, reçus par ${canal === "SMS" ? "SMS" : canal === "EMAIL" ? "courriel" : "courriel ou par SMS"}`}
      state={error ? "error" : "default"}
      stateRelatedMessage={error}
      nativeInputProps={{
        id: "code",
        name: "code",
        inputMode: "numeric",
        autoComplete: "one-time-code",
        maxLength: 16,
        required: true,
        "aria-invalid": error ? true : undefined,
      }}
    />
  );
}
