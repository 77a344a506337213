// A throwaway PostgreSQL server for the test suite: a new cluster in a temporary folder, on a free loopback
// port, trust authentication, removed afterwards. PostgreSQL refuses to run as root, so as root the cluster
// runs as the `postgres` system user (Debian's postgresql package creates it).
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

export type ThrowawayPostgres = { url: string; stop(): void };

function findBinDir(): string | undefined {
  const onPath = spawnSync("sh", ["-c", "command -v pg_ctl"], { encoding: "utf8" }).stdout.trim();
  if (onPath) return path.dirname(fs.realpathSync(onPath));
  const root = "/usr/lib/postgresql";
  if (!fs.existsSync(root)) return undefined;
  const versions = fs.readdirSync(root).sort((a, b) => Number(b) - Number(a));
  return versions.map((v) => path.join(root, v, "bin")).find((dir) => fs.existsSync(path.join(dir, "pg_ctl")));
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Starts a server, or returns why it cannot (no binaries, no `postgres` user when running as root). */
export async function startThrowawayPostgres(): Promise<ThrowawayPostgres | { unavailable: string }> {
  const bin = findBinDir();
  if (!bin) return { unavailable: "les programmes du serveur PostgreSQL (initdb, pg_ctl) ne sont pas installés" };
  const asRoot = process.getuid?.() === 0;
  if (asRoot && spawnSync("id", ["-u", "postgres"]).status !== 0) {
    return { unavailable: "l'utilisateur système postgres n'existe pas (PostgreSQL refuse de tourner en root)" };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "mon-compte-pg-"));
  const dataDir = path.join(dir, "data");
  const port = await freePort();
  const run = (command: string, args: string[]) => {
    const [file, fileArgs] = asRoot ? ["su", ["postgres", "-s", "/bin/sh", "-c", [command, ...args].map(shellQuote).join(" ")]] : [command, args];
    execFileSync(file as string, fileArgs as string[], { stdio: ["ignore", "ignore", "pipe"] });
  };
  if (asRoot) execFileSync("chown", ["postgres", dir]);
  run(path.join(bin, "initdb"), ["-D", dataDir, "-A", "trust", "-U", "postgres", "--no-sync", "-E", "UTF8"]);
  run(path.join(bin, "pg_ctl"), [
    "-D", dataDir, "-l", path.join(dir, "server.log"), "-w", "-t", "60",
    "-o", `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200`,
    "start",
  ]);
  return {
    url: `postgresql://postgres@127.0.0.1:${port}/postgres`,
    stop() {
      try {
        run(path.join(bin, "pg_ctl"), ["-D", dataDir, "-m", "immediate", "-w", "stop"]);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

function shellQuote(value: string): string {
  return /^[\w./=:-]+$/.test(value) ? value : `'${value.replaceAll("'", "'\\''")}'`;
}
