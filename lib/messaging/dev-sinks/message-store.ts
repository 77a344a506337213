// What the local sinks received, one JSON object per line in a file (MESSAGES_SINK_FILE, default
// .data/messages/messages.jsonl): the sinks append to it, /dev/messages reads it. Demo and tests only.
import { randomUUID } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";

export type SinkMessage = {
  id: string;
  canal: "EMAIL" | "SMS";
  to: string;
  from: string;
  subject: string | null;
  text: string;
  html?: string;
  /** ISO 8601 */
  receivedAt: string;
};

export type MessageStore = {
  readonly file: string;
  append(message: Omit<SinkMessage, "id" | "receivedAt">): Promise<SinkMessage>;
  /** Newest first. */
  read(): Promise<SinkMessage[]>;
};

export const DEFAULT_SINK_FILE = ".data/messages/messages.jsonl";

export function sinkFilePath(env: Record<string, string | undefined> = process.env): string {
  return path.resolve(/* turbopackIgnore: true */ env.MESSAGES_SINK_FILE?.trim() || DEFAULT_SINK_FILE);
}

/** Every message captured by the sinks, newest first; an absent file is an empty list, a damaged line is skipped. */
export async function readSinkMessages(file: string = sinkFilePath()): Promise<SinkMessage[]> {
  let content: string;
  try {
    content = await fs.readFile(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
  const messages: SinkMessage[] = [];
  for (const line of content.split("\n")) {
    if (!line.trim()) continue;
    try {
      const parsed = JSON.parse(line) as SinkMessage;
      if (parsed && typeof parsed.id === "string" && typeof parsed.text === "string") messages.push(parsed);
    } catch {
      // A line cut short by a crash: the others are still worth showing.
    }
  }
  return messages.reverse();
}

export function createMessageStore(file: string = sinkFilePath()): MessageStore {
  let queue: Promise<unknown> = Promise.resolve();
  return {
    file,
    append(message) {
      const stored: SinkMessage = { id: randomUUID(), ...message, receivedAt: new Date().toISOString() };
      // One write at a time, so that two sinks sharing the store never interleave their lines.
      const write = queue.then(async () => {
        await fs.mkdir(path.dirname(file), { recursive: true });
        await fs.appendFile(file, `${JSON.stringify(stored)}\n`, { encoding: "utf8", mode: 0o600 });
        return stored;
      });
      queue = write.catch(() => undefined);
      return write;
    },
    read: () => readSinkMessages(file),
  };
}
