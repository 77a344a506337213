import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createMessageStore, DEFAULT_SINK_FILE, readSinkMessages, sinkFilePath } from "./message-store";

const dirs: string[] = [];
afterAll(async () => Promise.all(dirs.map((d) => fs.rm(d, { recursive: true, force: true }))));

async function tempFile() {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "mon-compte-puits-"));
  dirs.push(dir);
  return path.join(dir, "sous-dossier", "messages.jsonl");
}

describe("messages reçus par les puits", () => {
  it("sans fichier, la liste est vide", async () => {
    expect(await readSinkMessages(await tempFile())).toEqual([]);
  });

  it("les messages sont écrits un par ligne et relus du plus récent au plus ancien", async () => {
    const file = await tempFile();
    const store = createMessageStore(file);
    await Promise.all([
      store.append({ canal: "EMAIL", to: "a@example.org", from: "f", subject: "un", text: "1" }),
      store.append({ canal: "SMS", to: "+33639981001", from: "MonCompte", subject: null, text: "2" }),
    ]);
    await store.append({ canal: "EMAIL", to: "b@example.org", from: "f", subject: "trois", text: "3" });
    expect((await store.read()).map((m) => m.text)).toEqual(["3", "2", "1"]);
    const lines = (await fs.readFile(file, "utf8")).trim().split("\n");
    expect(lines).toHaveLength(3);
    expect(JSON.parse(lines[0]!)).toMatchObject({ canal: "EMAIL", to: "a@example.org", subject: "un", text: "1" });
    expect(JSON.parse(lines[0]!).receivedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
  });

  it("une ligne abîmée est ignorée, les autres restent lisibles", async () => {
    const file = await tempFile();
    const store = createMessageStore(file);
    await store.append({ canal: "SMS", to: "+33639981001", from: "MonCompte", subject: null, text: "ok" });
    await fs.appendFile(file, '{"id": "coupé');
    expect((await readSinkMessages(file)).map((m) => m.text)).toEqual(["ok"]);
  });

  it("le fichier est .data/messages/messages.jsonl par défaut, MESSAGES_SINK_FILE en choisit un autre", () => {
    expect(sinkFilePath({})).toBe(path.resolve(DEFAULT_SINK_FILE));
    expect(sinkFilePath({ MESSAGES_SINK_FILE: "/tmp/ailleurs.jsonl" })).toBe("/tmp/ailleurs.jsonl");
  });
});
