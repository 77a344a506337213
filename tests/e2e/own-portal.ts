// A second portal for the browser tests that must stop it, act as an operator on its database, and start it again
// (the embedded database belongs to one process at a time). It runs the README's own start command on its own
// port, database, message sinks and FranceConnect stand-in.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { portalEnv } from "../support/portal-env";

export type OwnPortal = { origin: string; start(): Promise<void>; stop(): Promise<void>; admin(...args: string[]): { status: number | null; output: string }; dispose(): Promise<void> };

export function ownPortal(port: number, extraEnv: Record<string, string> = {}): OwnPortal {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "mon-compte-e2e-second-"));
  const env: NodeJS.ProcessEnv = { ...process.env, ...portalEnv(port, path.join(dataDir, "base"), path.join(dataDir, "messages.jsonl")), ...extraEnv };
  const origin = `http://localhost:${port}`;
  let child: ChildProcess | undefined;
  let log = "";

  async function start() {
    log = "";
    child = spawn("npm", ["start"], { env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
    child.stdout!.on("data", (chunk) => (log += chunk));
    child.stderr!.on("data", (chunk) => (log += chunk));
    const deadline = Date.now() + 180_000;
    while (Date.now() < deadline) {
      if (child.exitCode !== null) throw new Error(`Le second portail s'est arrêté au démarrage :\n${log}`);
      try {
        if ((await fetch(`${origin}/connexion`)).ok) return;
      } catch {
        // not listening yet
      }
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    throw new Error(`Le second portail n'a pas démarré en 3 minutes :\n${log}`);
  }

  async function stop() {
    const running = child;
    if (!running || running.exitCode !== null) return;
    const exited = new Promise((resolve) => running.once("exit", resolve));
    process.kill(-running.pid!, "SIGTERM");
    await exited;
    child = undefined;
  }

  return {
    origin,
    start,
    stop,
    admin: (...args) => {
      const result = spawnSync("npm", ["run", "--silent", "admin", "--", ...args], { env, encoding: "utf8" });
      return { status: result.status, output: `${result.stdout}${result.stderr}` };
    },
    dispose: async () => {
      await stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
