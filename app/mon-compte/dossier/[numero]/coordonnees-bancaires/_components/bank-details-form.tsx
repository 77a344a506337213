"use client";
// The new bank details: IBAN, BIC, holder, and where the code goes when the person has two confirmed contact
// details. Works without JavaScript; with it, errors appear in place and the focus moves to the error summary.
import { useActionState } from "react";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { FormMessage } from "@/components/forms/form-message";
import type { BankField } from "@/lib/coordonnees-bancaires/validation";
import type { ActionResult } from "@/lib/forms/action-result";
import type { CanalCode } from "@/lib/verification/code-messages";
import { submitBankDetails } from "../actions";

const initial: ActionResult<BankField> = { status: "idle" };

export function BankDetailsForm({ numero, recipients }: { numero: string; recipients: { canal: CanalCode; destination: string }[] }) {
  const [state, action, pending] = useActionState(submitBankDetails, initial);
  const errors = state.fieldErrors ?? {};
  const values = state.values ?? {};
  const field = (name: BankField) => ({
    id: name,
    name,
    defaultValue: values[name] ?? "",
    required: true,
    "aria-invalid": errors[name] ? true : undefined,
  });
  return (
    <form action={action} method="post" noValidate key={JSON.stringify(values)}>
      <FormMessage id="coordonnees-bancaires-message" state={state} />
      <input type="hidden" name="numero" value={numero} />
      <Input
        label="IBAN"
        hintText="Il figure sur votre relevé d'identité bancaire (RIB), par exemple FR76 3000 6000 0112 3456 7890 189. Les espaces sont acceptés."
        state={errors.iban ? "error" : "default"}
        stateRelatedMessage={errors.iban}
        nativeInputProps={{ ...field("iban"), autoComplete: "off", spellCheck: false, autoCapitalize: "characters", maxLength: 60 }}
      />
      <Input
        label="BIC"
        hintText="8 ou 11 caractères, sous l'IBAN sur le RIB, par exemple BNPAFRPP"
        state={errors.bic ? "error" : "default"}
        stateRelatedMessage={errors.bic}
        nativeInputProps={{ ...field("bic"), autoComplete: "off", spellCheck: false, autoCapitalize: "characters", maxLength: 20 }}
      />
      <Input
        label="Titulaire du compte"
        hintText="Nom et prénom, tels qu'ils figurent sur le RIB"
        state={errors.titulaire ? "error" : "default"}
        stateRelatedMessage={errors.titulaire}
        nativeInputProps={{ ...field("titulaire"), autoComplete: "name", maxLength: 80 }}
      />
      {recipients.length > 1 ? (
        <fieldset className="fr-fieldset" aria-labelledby="canal-legende">
          <legend className="fr-fieldset__legend fr-fieldset__legend--regular" id="canal-legende">
            Recevoir le code de sécurité
          </legend>
          {recipients.map((r, index) => (
            <div className="fr-fieldset__element" key={r.canal}>
              <div className="fr-radio-group">
                <input type="radio" id={`canal-${r.canal}`} name="canal" value={r.canal} defaultChecked={index === 0} />
                <label className="fr-label" htmlFor={`canal-${r.canal}`}>
                  {r.canal === "SMS" ? `Par SMS au ${r.destination}` : `Par courriel à ${r.destination}`}
                </label>
              </div>
            </div>
          ))}
        </fieldset>
      ) : (
        <p>
          Le code de sécurité sera envoyé {recipients[0]?.canal === "SMS" ? `par SMS au ${recipients[0]?.destination}` : `par courriel à ${recipients[0]?.destination}`}.
        </p>
      )}
      <button className="fr-btn" type="submit" disabled={pending}>
        Recevoir le code de sécurité
      </button>
    </form>
  );
}
