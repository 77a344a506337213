// Starts the local e-mail and SMS sinks alone (npm start already starts them in demo mode):
//
//   npx tsx scripts/dev-sinks.ts
//
// SMTP on 127.0.0.1:DEV_SMTP_PORT (2525), Twilio-like HTTP API on 127.0.0.1:DEV_SMS_PORT (2526). What they receive
// is appended to MESSAGES_SINK_FILE (.data/messages/messages.jsonl) and shown on /dev/messages in demo mode.
import { ConfigurationError } from "../lib/db/database-config";
import { DEFAULT_DEV_SMS_PORT, DEFAULT_DEV_SMTP_PORT, loadMessagingConfig } from "../lib/messaging/messaging-config";
import { createMessageStore, sinkFilePath, type MessageStore } from "../lib/messaging/dev-sinks/message-store";
import { startDevSinks } from "../lib/messaging/dev-sinks/start-dev-sinks";
import { maskEmail } from "../lib/identity/email";
import { maskMobile } from "../lib/identity/mobile";

const say = (line: string) => console.log(`[puits] ${line}`);

async function main() {
  // Always the demo sinks, whatever SMTP_URL / TWILIO_* say: this script exists to receive, not to send.
  const env = { ...process.env, SMTP_URL: "", TWILIO_ACCOUNT_SID: "", TWILIO_AUTH_TOKEN: "", TWILIO_FROM: "" };
  const config = loadMessagingConfig(env, "demo");
  const base = createMessageStore(sinkFilePath());
  // Say when something arrives, without printing the contact detail in full.
  const store: MessageStore = {
    file: base.file,
    read: base.read,
    append: async (message) => {
      const stored = await base.append(message);
      say(`${stored.canal === "EMAIL" ? "Courriel" : "SMS"} reçu pour ${stored.canal === "EMAIL" ? maskEmail(stored.to) : maskMobile(stored.to)}.`);
      return stored;
    },
  };
  const sinks = await startDevSinks(config, store).catch((error: NodeJS.ErrnoException) => {
    if (error.code === "EADDRINUSE") {
      throw new ConfigurationError(
        `Un port des puits est déjà pris (${config.localSinks.smtpPort ?? DEFAULT_DEV_SMTP_PORT} ou ${config.localSinks.smsPort ?? DEFAULT_DEV_SMS_PORT}) : arrêtez l'autre programme ou choisissez DEV_SMTP_PORT / DEV_SMS_PORT.`,
      );
    }
    throw error;
  });
  say(`Courriels : SMTP sur smtp://${sinks.smtp!.host}:${sinks.smtp!.port}`);
  say(`SMS : API de type Twilio sur http://${sinks.sms!.host}:${sinks.sms!.port} (compte ${config.sms.accountSid})`);
  say(`Messages reçus enregistrés dans ${sinks.store.file}. Ctrl+C pour arrêter.`);
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => void sinks.close().then(() => process.exit(0)));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigurationError) console.error(`[puits] ${error.message}`);
  else console.error(error);
  process.exit(1);
});
