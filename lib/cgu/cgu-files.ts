// CGU documents kept in the repository, in prisma/cgu/: read by the operator command that publishes a version, and
// by the demo seed for the first version. (Tools only: the portal itself reads the published text from the database.)
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseCguFile, type CguDocument } from "./cgu-document";

export const CGU_DIRECTORY = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..", "prisma", "cgu");
/** The version the demo starts with. */
export const INITIAL_CGU_FILE = path.join(CGU_DIRECTORY, "cgu-1.0.md");

/** Reads a CGU document: a path to a file, or a version number kept in prisma/cgu ("1.1" → cgu-1.1.md). */
export function readCguDocument(reference: string): { ok: true; document: CguDocument } | { ok: false; error: string } {
  const file = /^\d+(\.\d+)*$/.test(reference) ? path.join(CGU_DIRECTORY, `cgu-${reference}.md`) : path.resolve(reference);
  let content: string;
  try {
    content = fs.readFileSync(file, "utf8");
  } catch {
    return { ok: false, error: `Le document des CGU est introuvable : ${path.relative(process.cwd(), file) || file}.` };
  }
  return parseCguFile(content);
}
