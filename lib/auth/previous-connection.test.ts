import { describe, expect, it } from "vitest";
import { previousConnectionToShow } from "./previous-connection";

const at = (iso: string) => new Date(iso);
const seconds = (iso: string) => Math.floor(at(iso).getTime() / 1000);

describe("la connexion précédente montrée au tableau de bord", () => {
  it("un compte actif montre la connexion d'avant cette session", () => {
    expect(
      previousConnectionToShow({ connexionPrecedente: at("2026-11-20T18:42:00Z").getTime(), authentifieA: seconds("2026-12-02T09:00:00Z"), activeLe: at("2026-01-10T10:00:00Z") }),
    ).toEqual(at("2026-11-20T18:42:00Z"));
  });

  it("sans connexion précédente, c'est la première connexion", () => {
    expect(previousConnectionToShow({ connexionPrecedente: null, authentifieA: seconds("2026-12-02T09:00:00Z"), activeLe: at("2026-01-10T10:00:00Z") })).toBeNull();
  });

  it("juste après la première connexion (compte activé pendant cette session), une tentative inachevée plus tôt n'est pas montrée comme « dernière connexion »", () => {
    expect(
      previousConnectionToShow({ connexionPrecedente: at("2026-12-02T08:50:00Z").getTime(), authentifieA: seconds("2026-12-02T09:00:00Z"), activeLe: at("2026-12-02T09:04:00Z") }),
    ).toBeNull();
  });

  it("la session en cours n'est jamais montrée comme la connexion précédente", () => {
    expect(
      previousConnectionToShow({ connexionPrecedente: at("2026-12-02T09:00:00Z").getTime(), authentifieA: seconds("2026-12-02T09:00:00Z"), activeLe: at("2026-01-10T10:00:00Z") }),
    ).toBeNull();
  });
});
