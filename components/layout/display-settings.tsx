// The DSFR display settings (light, dark or system theme), opened from the footer. The design system's own copy of
// this dialog titles it with an <h1>, hidden until opened: after a client navigation, Next.js's route announcer
// reads the first <h1> of the document when the new title is not there yet, so people heard "Paramètres
// d'affichage" instead of the page they reached. This copy titles it with a <p> styled the same way.
import { useId } from "react";
import { fr } from "@codegouvfr/react-dsfr";
import { createModal } from "@codegouvfr/react-dsfr/Modal";
import { Artwork } from "@codegouvfr/react-dsfr/Display/Artwork";

const modal = createModal({ id: "fr-theme-modal", isOpenedByDefault: false });

const THEMES = [
  { value: "light", label: "Thème clair" },
  { value: "dark", label: "Thème sombre" },
  { value: "system", label: "Système", hint: "Utilise les paramètres de votre appareil." },
] as const;

/** The footer item that opens the dialog (a button: it needs the design system's script, like the dialog). */
export const displaySettingsFooterItem = {
  text: "Paramètres d'affichage",
  iconId: "fr-icon-theme-fill",
  buttonProps: modal.buttonProps,
} as const;

export function DisplaySettings() {
  const id = useId();
  return (
    <modal.Component title="Paramètres d'affichage" titleAs="p" size="small">
      <div className="fr-display">
        <div className="fr-form-group">
          <fieldset className={fr.cx("fr-fieldset")}>
            <legend className={fr.cx("fr-fieldset__legend", "fr-text--regular")}>Choisissez un thème pour personnaliser l&apos;apparence du site.</legend>
            <div className={fr.cx("fr-fieldset__content")}>
              {THEMES.map((theme) => (
                <div key={theme.value} className={fr.cx("fr-radio-group", "fr-radio-rich")}>
                  <input value={theme.value} type="radio" id={`${id}-${theme.value}`} name="fr-radios-theme" />
                  <label className={fr.cx("fr-label")} htmlFor={`${id}-${theme.value}`}>
                    {theme.label}
                    {"hint" in theme && <span className={fr.cx("fr-hint-text")}>{theme.hint}</span>}
                  </label>
                  <div className={fr.cx("fr-radio-rich__img")}>
                    <Artwork theme={theme.value} />
                  </div>
                </div>
              ))}
            </div>
          </fieldset>
        </div>
      </div>
    </modal.Component>
  );
}
