// Starts the local sinks that a demo configuration points at (see messaging-config.ts: localSinks), on loopback.
// Used by `npm start` in demo mode and by scripts/dev-sinks.ts.
import type { MessagingConfig } from "../messaging-config";
import { createMessageStore, sinkFilePath, type MessageStore } from "./message-store";
import { startSmsSink } from "./sms-sink";
import { startSmtpSink, type RunningSink } from "./smtp-sink";

export type DevSinks = { store: MessageStore; smtp?: RunningSink; sms?: RunningSink; close(): Promise<void> };

export async function startDevSinks(config: MessagingConfig, store: MessageStore = createMessageStore(sinkFilePath())): Promise<DevSinks> {
  const started: RunningSink[] = [];
  try {
    const smtp =
      config.localSinks.smtpPort === undefined ? undefined : await startSmtpSink({ port: config.localSinks.smtpPort, store });
    if (smtp) started.push(smtp);
    const sms =
      config.localSinks.smsPort === undefined
        ? undefined
        : await startSmsSink({ port: config.localSinks.smsPort, store, accountSid: config.sms.accountSid, authToken: config.sms.authToken });
    if (sms) started.push(sms);
    return { store, smtp, sms, close: async () => void (await Promise.all(started.map((s) => s.close()))) };
  } catch (error) {
    await Promise.all(started.map((s) => s.close()));
    throw error;
  }
}
