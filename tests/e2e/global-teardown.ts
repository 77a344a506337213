// Removes the throwaway embedded database and message file of the browser tests.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

export default function removeE2eData() {
  const base = path.join(os.tmpdir(), `mon-compte-e2e-${process.pid}`);
  for (const entry of [base, `${base}.mon-compte.lock`, `${base}-messages.jsonl`]) fs.rmSync(entry, { recursive: true, force: true });
}
