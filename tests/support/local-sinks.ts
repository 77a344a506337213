// The demo's local SMTP and SMS sinks on free loopback ports, with the portal's real transports pointed at them:
// nodemailer over SMTP, and the official Twilio client over HTTP. For integration tests that deliver for real.
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { createMessageStore, type MessageStore, type SinkMessage } from "../../lib/messaging/dev-sinks/message-store";
import { startSmsSink } from "../../lib/messaging/dev-sinks/sms-sink";
import { startSmtpSink, type RunningSink } from "../../lib/messaging/dev-sinks/smtp-sink";
import { createTransports, type Transports } from "../../lib/messaging/transports";

const SID = `AC${"1".repeat(32)}`;
const TOKEN = "jeton-des-tests";

export type LocalSinks = {
  store: MessageStore;
  transports: Transports;
  /** What the sinks received, oldest first. */
  received(predicate?: (message: SinkMessage) => boolean): Promise<SinkMessage[]>;
  /** Stops the SMTP sink (a real outage: connections are refused) and starts it again on the same port. */
  stopSmtp(): Promise<void>;
  restartSmtp(): Promise<void>;
  close(): Promise<void>;
};

export async function startLocalSinks(options: { rejectRecipients?: (address: string) => boolean; rejectNumbers?: (to: string) => boolean } = {}): Promise<LocalSinks> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "mon-compte-puits-"));
  const store = createMessageStore(path.join(dir, "messages.jsonl"));
  const startSmtp = (port: number) => startSmtpSink({ port, store, rejectRecipients: options.rejectRecipients });
  let smtp: RunningSink | undefined = await startSmtp(0);
  const smtpPort = smtp.port;
  const sms = await startSmsSink({ port: 0, store, accountSid: SID, authToken: TOKEN, rejectNumbers: options.rejectNumbers });
  const transports = createTransports({
    smtpUrl: `smtp://portail:motdepasse@127.0.0.1:${smtpPort}`,
    mailFrom: '"Mon Compte (démonstration)" <ne-pas-repondre@moncompte.invalid>',
    sms: { accountSid: SID, authToken: TOKEN, from: "MonCompte", baseUrl: `http://127.0.0.1:${sms.port}` },
  });
  return {
    store,
    transports,
    received: async (predicate = () => true) => (await store.read()).filter(predicate),
    stopSmtp: async () => {
      await smtp?.close();
      smtp = undefined;
    },
    restartSmtp: async () => {
      smtp ??= await startSmtp(smtpPort);
    },
    close: async () => {
      await Promise.all([smtp?.close(), sms.close()]);
      await fs.rm(dir, { recursive: true, force: true });
    },
  };
}
