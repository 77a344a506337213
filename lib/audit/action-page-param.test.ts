import { describe, expect, it } from "vitest";
import { MAX_ACTION_PAGE, parseActionPage } from "./action-page-param";

describe("numéro de page de l'historique des actions", () => {
  it("un numéro de page valide est lu tel quel", () => {
    expect(parseActionPage("2")).toBe(2);
    expect(parseActionPage(String(MAX_ACTION_PAGE))).toBe(MAX_ACTION_PAGE);
  });

  it("tout autre valeur donne la première page", () => {
    for (const value of [undefined, "", "0", "-1", "1.5", "abc", "2e3", " 2", String(MAX_ACTION_PAGE + 1), "99999", ["2", "3"]]) {
      expect(parseActionPage(value), String(value)).toBe(1);
    }
  });
});
