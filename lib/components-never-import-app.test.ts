// The layering rule, enforced by ESLint (eslint.config.mjs): a file under components/ never imports from app/ —
// neither through the "@/app" alias nor through a relative path. A shared component receives its server action as a
// prop instead. This test runs the project's real ESLint configuration on files that break the rule.
import path from "node:path";
import { ESLint } from "eslint";
import { beforeAll, describe, expect, it } from "vitest";

const root = path.resolve(__dirname, "..");
let eslint: ESLint;

beforeAll(() => {
  eslint = new ESLint({ cwd: root });
});

async function layeringErrors(filePath: string, code: string) {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, filePath) });
  return result!.messages.filter((message) => message.ruleId === "no-restricted-imports" && message.severity === 2);
}

describe("components/ n'importe jamais depuis app/", () => {
  it.each([
    ["l'alias @/app", 'import { logout } from "@/app/deconnexion/actions";\nexport const a = logout;\n'],
    ["un chemin relatif", 'import { logout } from "../../app/deconnexion/actions";\nexport const a = logout;\n'],
    ["un export depuis app", 'export { submitLogin } from "@/app/connexion/actions";\n'],
    ["un import de type", 'import type { Metadata } from "../app/layout";\nexport type M = Metadata;\n'],
  ])("ESLint signale une erreur quand un composant importe depuis app/ par %s", async (_label, code) => {
    const errors = await layeringErrors("components/layout/composant-fautif.tsx", code);
    expect(errors).toHaveLength(1);
    expect(errors[0]!.message).toContain("components/ ne doit jamais importer depuis app/");
  });

  it("les pages de app/ peuvent importer leurs actions, et les composants peuvent importer lib/", async () => {
    expect(await layeringErrors("app/connexion/page-exemple.tsx", 'import { submitLogin } from "@/app/connexion/actions";\nexport const a = submitLogin;\n')).toEqual([]);
    expect(await layeringErrors("components/layout/composant-sain.tsx", 'import { safeReturnPath } from "@/lib/auth/return-path";\nexport const a = safeReturnPath;\n')).toEqual([]);
  });

  it("aucun fichier de components/ n'importe aujourd'hui depuis app/", async () => {
    const results = await eslint.lintFiles(["components"]);
    const offenders = results.flatMap((result) => result.messages.filter((m) => m.ruleId === "no-restricted-imports").map((m) => `${path.relative(root, result.filePath)}: ${m.message}`));
    expect(offenders).toEqual([]);
  });
});
