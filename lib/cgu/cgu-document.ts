// A CGU document as kept in the repository (prisma/cgu/cgu-<version>.md): a small front matter with the version
// and its date, then a deliberately small Markdown (headings "#"/"##", paragraphs, "- " lists) that the portal
// renders itself as React elements — no HTML from the document ever reaches the page.
import { z } from "zod";

export type CguBlock = { kind: "h1" | "h2" | "p"; text: string } | { kind: "ul"; items: string[] };

export type CguDocument = { version: string; date: string; texte: string };

const frontMatterSchema = z.object({
  version: z
    .string({ error: "La version est obligatoire (ligne « version: \"1.1\" »)." })
    .regex(/^\d{1,4}(\.\d{1,4}){0,2}$/, "La version s'écrit avec des chiffres et des points, par exemple 1.1."),
  date: z.iso.date({ error: "La date est obligatoire et s'écrit AAAA-MM-JJ (ligne « date: 2027-01-01 »)." }),
});

export type ParseResult = { ok: true; document: CguDocument } | { ok: false; error: string };

/** Reads a CGU file's content: front matter between "---" lines, then the text. */
export function parseCguFile(content: string): ParseResult {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n([\s\S]*)$/.exec(content);
  if (!match) return { ok: false, error: "Le fichier doit commencer par un en-tête entre deux lignes « --- » (version et date)." };
  const fields: Record<string, string> = {};
  for (const line of match[1]!.split(/\r?\n/)) {
    const field = /^(\w+):\s*"?([^"]*)"?\s*$/.exec(line);
    if (field) fields[field[1]!] = field[2]!;
  }
  const parsed = frontMatterSchema.safeParse(fields);
  if (!parsed.success) return { ok: false, error: parsed.error.issues[0]!.message };
  const texte = match[2]!.trim();
  if (texte.length < 20) return { ok: false, error: "Le texte des conditions est vide." };
  if (blocksOf(texte).every((block) => block.kind !== "h1")) return { ok: false, error: "Le texte doit commencer par un titre « # … »." };
  return { ok: true, document: { ...parsed.data, texte } };
}

/** The blocks of a CGU text, in order. */
export function blocksOf(texte: string): CguBlock[] {
  const blocks: CguBlock[] = [];
  let list: string[] | null = null;
  for (const raw of texte.split(/\r?\n/)) {
    const line = raw.trim();
    if (line.startsWith("- ")) {
      if (!list) blocks.push({ kind: "ul", items: (list = []) });
      list.push(line.slice(2).trim());
      continue;
    }
    list = null;
    if (line === "") continue;
    if (line.startsWith("## ")) blocks.push({ kind: "h2", text: line.slice(3).trim() });
    else if (line.startsWith("# ")) blocks.push({ kind: "h1", text: line.slice(2).trim() });
    else blocks.push({ kind: "p", text: line });
  }
  return blocks;
}
