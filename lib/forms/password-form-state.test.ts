import { describe, expect, it } from "vitest";
import { passwordValuesToKeep } from "./password-form-state";

const submitted = { motDePasseActuel: "Seine2026Caf", nouveauMotDePasse: "Trombone7Vapeur", confirmation: "Trombone7Vapeux" };
const withConfirmation = { confirmation: "nouveauMotDePasse" } as const;

describe("un formulaire de mot de passe refusé ne garde que ce que le serveur a accepté", () => {
  it("le mot de passe actuel vérifié et le nouveau accepté reviennent ; une confirmation différente, non", () => {
    expect(passwordValuesToKeep(submitted, { confirmation: "différente" }, withConfirmation)).toEqual({
      motDePasseActuel: "Seine2026Caf",
      nouveauMotDePasse: "Trombone7Vapeur",
    });
  });

  it("un mot de passe actuel incorrect ne revient jamais", () => {
    expect(passwordValuesToKeep({ ...submitted, confirmation: "Trombone7Vapeur" }, { motDePasseActuel: "incorrect" }, withConfirmation)).toEqual({
      nouveauMotDePasse: "Trombone7Vapeur",
      confirmation: "Trombone7Vapeur",
    });
  });

  it("un nouveau mot de passe refusé ne revient pas, ni sa confirmation, même identique", () => {
    const refused = { nouveauMotDePasse: "Azerty123", confirmation: "Azerty123" };
    expect(passwordValuesToKeep(refused, { nouveauMotDePasse: "trop courant" }, withConfirmation)).toEqual({});
  });

  it("un champ vide ou qui n'est pas du texte ne revient pas", () => {
    expect(passwordValuesToKeep({ nouveauMotDePasse: "", confirmation: null }, {}, withConfirmation)).toEqual({});
  });
});
