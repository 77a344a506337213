/**
 * One-off generator of lib/geo/pays-insee.json, the INSEE country and territory codes (99xxx) of the Code officiel
 * géographique 2025 (INSEE file « v_pays_territoire_2025 », Licence Ouverte), read from its CSV re-publication
 * (columns code, iso2_code, iso3_code, num3_code, name, official_name, actual_id, actual_name, parent_code,
 * first_appearance_year). Nothing reads the CSV at run time: the JSON is committed.
 *
 *   npx tsx scripts/generate-pays.ts <cog-countries@2025.csv>
 */
import { readFileSync, writeFileSync } from "node:fs";

/** RFC 4180 fields: commas inside double quotes, "" for a quote. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      row.push(field);
      field = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += ch;
  }
  if (field !== "" || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

const source = process.argv[2];
if (!source) {
  console.error("Usage : npx tsx scripts/generate-pays.ts <cog-countries@2025.csv>");
  process.exit(1);
}
const [header, ...rows] = parseCsv(readFileSync(source, "utf8")).filter((r) => r.length > 1);
const col = (name: string) => {
  const i = (header ?? []).indexOf(name);
  if (i < 0) throw new Error(`Colonne absente : ${name}`);
  return i;
};
const [cCode, cIso2, cName, cOfficial, cActual, cParent] = ["code", "iso2_code", "name", "official_name", "actual_id", "parent_code"].map(col) as [
  number, number, number, number, number, number,
];
const pays = rows
  .map((r) => ({
    code: r[cCode] as string,
    nom: r[cName] as string,
    nomOfficiel: r[cOfficial] as string,
    iso2: (r[cIso2] as string) || null,
    /** 1 = country, 4 = territory with its own code (then rattachement = the country it belongs to). */
    territoire: r[cActual] === "4",
    rattachement: (r[cParent] as string) || null,
  }))
  .filter((p) => /^99\d{3}$/.test(p.code))
  .sort((a, b) => a.code.localeCompare(b.code));
writeFileSync(new URL("../lib/geo/pays-insee.json", import.meta.url), JSON.stringify(pays, null, 1) + "\n");
console.log(`${pays.length} pays et territoires écrits.`);
