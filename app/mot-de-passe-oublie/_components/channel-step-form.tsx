"use client";
// Step 2: where to receive the code, among the person's verified contacts, shown masked.
import { useActionState } from "react";
import { RadioButtons } from "@codegouvfr/react-dsfr/RadioButtons";
import { chooseRecoveryChannel } from "@/app/mot-de-passe-oublie/actions";
import type { ActionResult } from "@/lib/forms/action-result";
import type { RecoveryChannel } from "@/lib/auth/recovery/password-recovery";
import { FormMessage } from "@/components/forms/form-message";

const initial: ActionResult<"canal"> = { status: "idle" };

export function ChannelStepForm({ channels }: { channels: RecoveryChannel[] }) {
  const [state, action, pending] = useActionState(chooseRecoveryChannel, initial);
  const error = state.fieldErrors?.canal;
  return (
    <form action={action} method="post" noValidate>
      <FormMessage id="canal-message" state={state} />
      <RadioButtons
        id="canal"
        legend="Recevoir le code de vérification"
        name="canal"
        state={error ? "error" : "default"}
        stateRelatedMessage={error}
        options={channels.map((channel) => ({
          label: channel.canal === "SMS" ? `Par SMS au ${channel.destination}` : `Par courriel à ${channel.destination}`,
          nativeInputProps: { value: channel.canal, required: true },
        }))}
      />
      <button className="fr-btn" type="submit" disabled={pending}>
        Recevoir un code
      </button>
    </form>
  );
}
