// PGlite runs inside one process and has no locking of its own: two processes on one data directory would
// corrupt it. A lock file holding the owner's pid makes the second one stop with a clear sentence instead.
import fs from "node:fs";
import path from "node:path";
import { ConfigurationError } from "./database-config";

const LOCK_FILE = "mon-compte.lock";
/** Set by the start script for the processes it launches, which share its lock. */
export const LOCK_OWNER_ENV = "MON_COMPTE_PGLITE_LOCK_OWNER";

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Takes the data directory's lock for this process, or throws a ConfigurationError naming the holder. */
export function acquirePgliteLock(dataDir: string): () => void {
  fs.mkdirSync(dataDir, { recursive: true });
  const lockPath = path.join(dataDir, "..", `${path.basename(dataDir)}.${LOCK_FILE}`);
  const inheritedOwner = Number(process.env[LOCK_OWNER_ENV]);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lockPath, String(process.pid), { flag: "wx" });
      const release = () => {
        try {
          if (fs.readFileSync(lockPath, "utf8") === String(process.pid)) fs.unlinkSync(lockPath);
        } catch {
          /* already gone */
        }
      };
      process.once("exit", release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const holder = Number(fs.readFileSync(lockPath, "utf8"));
      if (holder === process.pid || (holder && holder === inheritedOwner)) return () => {};
      if (holder && isAlive(holder)) {
        throw new ConfigurationError(
          `La base embarquée ${dataDir} est déjà utilisée par un autre processus (pid ${holder}) : arrêtez-le, ou choisissez un autre dossier avec PGLITE_DATA_DIR.`,
        );
      }
      fs.unlinkSync(lockPath); // stale lock left by a process that died
    }
  }
  throw new ConfigurationError(`Impossible de verrouiller la base embarquée ${dataDir}.`);
}
