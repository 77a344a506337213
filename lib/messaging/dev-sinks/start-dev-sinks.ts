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
    const smtpPort = config.localSinks.smtpPort;
    let smtp = smtpPort === undefined ? undefined : await startSmtpSink({ port: smtpPort, store });
    // The SMTP sink may be stopped and started again (POST /_puits/smtp-arret, /_puits/smtp-reprise on the SMS sink):
    // a real outage, during which the portal's outbox keeps the messages and retries.
    const smtpSink: RunningSink | undefined = smtp && {
      host: smtp.host,
      port: smtp.port,
      close: async () => {
        await smtp?.close();
        smtp = undefined;
      },
    };
    if (smtpSink) started.push(smtpSink);
    const controls: Record<string, () => Promise<void>> =
      smtpPort === undefined
        ? {}
        : {
            "smtp-arret": async () => {
              await smtp?.close();
              smtp = undefined;
            },
            "smtp-reprise": async () => {
              smtp ??= await startSmtpSink({ port: smtpPort, store });
            },
          };
    const sms =
      config.localSinks.smsPort === undefined
        ? undefined
        : await startSmsSink({ port: config.localSinks.smsPort, store, accountSid: config.sms.accountSid, authToken: config.sms.authToken, controls });
    if (sms) started.push(sms);
    return { store, smtp: smtpSink, sms, close: async () => void (await Promise.all(started.map((s) => s.close()))) };
  } catch (error) {
    await Promise.all(started.map((s) => s.close()));
    throw error;
  }
}
