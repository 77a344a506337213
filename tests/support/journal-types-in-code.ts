// For the catalogue's test: the journal types the code writes, found by reading the source of lib/, app/ and scripts/.
// It reads the calls to journal(), journalDemarche(), journalOwnDataAction(), journalUnauthenticated() and
// journalAudit.create(), and the few ways a type reaches them indirectly (a constant, an operator action's
// journalType, a helper's argument). A type it cannot resolve is reported, so a new indirection is noticed too.
import fs from "node:fs";
import path from "node:path";

const CALL = /\b(?:journal|journalDemarche|journalOwnDataAction|journalUnauthenticated)\(|\bjournalAudit\.create\(/g;
const TYPE_NAME = /"([A-Z][A-Z0-9_]+)"/g;

function sourceFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "generated" || entry.name === "node_modules" ? [] : sourceFiles(full);
    return /\.(ts|tsx)$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

/** The text between the parenthesis at `open` and its match (strings and template literals skipped). */
function balanced(text: string, open: number, pair: [string, string] = ["(", ")"]): string {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const c = text[i]!;
    if (c === '"' || c === "'" || c === "`") {
      const end = text.indexOf(c, i + 1);
      i = end < 0 ? text.length : end;
      continue;
    }
    if (c === pair[0]) depth++;
    else if (c === pair[1] && --depth === 0) return text.slice(open + 1, i);
  }
  return text.slice(open + 1);
}

/** The expression after `type:` up to the next comma or closing brace at its own level. */
function expressionAfter(text: string, start: number): string {
  let depth = 0;
  for (let i = start; i < text.length; i++) {
    const c = text[i]!;
    if (c === '"' || c === "'" || c === "`") {
      const end = text.indexOf(c, i + 1);
      i = end < 0 ? text.length : end;
      continue;
    }
    if ("([{".includes(c)) depth++;
    else if (")]}".includes(c)) {
      if (depth === 0) return text.slice(start, i).trim();
      depth--;
    } else if (c === "," && depth === 0) return text.slice(start, i).trim();
  }
  return text.slice(start).trim();
}

export type TypesInCode = { types: Map<string, string[]>; unresolved: string[] };

export function journalTypesInCode(root: string, dirs = ["lib", "app", "scripts"]): TypesInCode {
  const types = new Map<string, string[]>();
  const unresolved: string[] = [];
  const add = (type: string, where: string) => types.set(type, [...(types.get(type) ?? []), where]);
  for (const file of dirs.flatMap((dir) => sourceFiles(path.join(root, dir)))) {
    const text = fs.readFileSync(file, "utf8");
    const where = path.relative(root, file);
    const constants = new Map([...text.matchAll(/\bconst ([A-Z][A-Z0-9_]*) = "([A-Z][A-Z0-9_]+)"/g)].map((m) => [m[1]!, m[2]!]));
    for (const call of text.matchAll(CALL)) {
      const args = balanced(text, call.index + call[0].length - 1);
      const explicit = [...args.matchAll(/\btype:\s*/g)];
      const shorthand = /(?:[{,]\s*)type\s*[,}]/.test(args);
      for (const property of explicit) {
        const expression = expressionAfter(args, property.index + property[0].length);
        // Literals compared with (`etat === "SUSPENDU" ? … : …`) are conditions, not types.
        const literals = [...expression.matchAll(TYPE_NAME)].filter((m) => !/[=!]==?\s*$/.test(expression.slice(0, m.index))).map((m) => m[1]!);
        if (literals.length > 0) literals.forEach((type) => add(type, where));
        else if (constants.has(expression)) add(constants.get(expression)!, where);
        else if (expression === "event.type") continue; // a pass-through: its callers are read too
        else if (expression === "definition.journalType") [...text.matchAll(/\bjournalType:\s*"([A-Z][A-Z0-9_]+)"/g)].forEach((m) => add(m[1]!, where));
        else unresolved.push(`${where} : type: ${expression}`);
      }
      if (shorthand) {
        // `{ ...base, type, … }` inside a helper: the helper's callers pass the type as a literal argument.
        const helper = /const (\w+) = async \([^)]*\btype: string\)/.exec(text);
        if (!helper) unresolved.push(`${where} : type (abrégé)`);
        else for (const m of text.matchAll(new RegExp(`\\b${helper[1]}\\(([^)]*)\\)`, "g"))) [...m[1]!.matchAll(TYPE_NAME)].slice(-1).forEach((t) => add(t[1]!, where));
      }
    }
  }
  return { types, unresolved };
}
