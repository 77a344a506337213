// Builds the portal's PNG and ICO icons from public/icon.svg (a DSFR blue square with "MC"), with sharp.
// Run again after changing the SVG: node scripts/generer-icones.mjs
import { readFile, writeFile } from "node:fs/promises";
import sharp from "sharp";

const svg = await readFile(new URL("../public/icon.svg", import.meta.url));
const png = (size) => sharp(svg, { density: 300 }).resize(size, size).png().toBuffer();

await writeFile(new URL("../public/icon-192.png", import.meta.url), await png(192));
await writeFile(new URL("../public/icon-512.png", import.meta.url), await png(512));
await writeFile(new URL("../public/apple-touch-icon.png", import.meta.url), await png(180));
// "maskable": the launcher may crop to a circle, so the letters sit well inside the safe zone (80 % of the side).
const inner = await sharp(svg, { density: 300 }).resize(360, 360).png().toBuffer();
const maskable = await sharp({ create: { width: 512, height: 512, channels: 4, background: "#000091" } })
  .composite([{ input: inner, gravity: "centre" }])
  .png()
  .toBuffer();
await writeFile(new URL("../public/icon-512-maskable.png", import.meta.url), maskable);

// favicon.ico: an ICO file whose one image is a 32 × 32 PNG (allowed since Windows Vista, read by every browser).
const small = await png(32);
const header = Buffer.alloc(6 + 16);
header.writeUInt16LE(0, 0); // reserved
header.writeUInt16LE(1, 2); // type: icon
header.writeUInt16LE(1, 4); // one image
header.writeUInt8(32, 6); // width
header.writeUInt8(32, 7); // height
header.writeUInt8(0, 8); // no palette
header.writeUInt8(0, 9); // reserved
header.writeUInt16LE(1, 10); // colour planes
header.writeUInt16LE(32, 12); // bits per pixel
header.writeUInt32LE(small.length, 14); // image size
header.writeUInt32LE(header.length, 18); // image offset
await writeFile(new URL("../public/favicon.ico", import.meta.url), Buffer.concat([header, small]));
console.log("Icônes écrites dans public/.");
