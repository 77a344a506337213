// A local SMTP server that keeps every message it receives (demo and tests). Plain SMTP on loopback, no STARTTLS,
// any credentials or none. `rejectRecipients` makes it answer 550 to chosen addresses, as a real server would.
import { simpleParser, type AddressObject } from "mailparser";
import { SMTPServer } from "smtp-server";
import { isLoopbackAddress } from "../../demo/loopback-address";
import type { MessageStore, SinkMessage } from "./message-store";

export type SmtpSinkOptions = {
  port: number;
  host?: string;
  store: MessageStore;
  rejectRecipients?: (address: string) => boolean;
  onMessage?: (message: SinkMessage) => void;
};

export type RunningSink = { host: string; port: number; close(): Promise<void> };

export const LOOPBACK_ONLY =
  "Les puits de messages de démonstration n'écoutent que sur la boucle locale (127.0.0.1 ou ::1) : ils ne doivent jamais être joignables depuis une autre machine.";

/** A sink listens on loopback only: asking for another address is a mistake, refused before anything listens. */
export function requireLoopbackHost(host: string): string {
  if (!isLoopbackAddress(host)) throw new Error(LOOPBACK_ONLY);
  return host;
}

function addresses(field: AddressObject | AddressObject[] | undefined): string {
  if (!field) return "";
  return (Array.isArray(field) ? field : [field]).map((a) => a.text).join(", ");
}

export async function startSmtpSink({ port, host = "127.0.0.1", store, rejectRecipients, onMessage }: SmtpSinkOptions): Promise<RunningSink> {
  requireLoopbackHost(host);
  const server = new SMTPServer({
    name: "puits-smtp.moncompte.invalid",
    banner: "Puits SMTP de Mon Compte (démonstration) : rien ne sort de cette machine",
    logger: false,
    secure: false,
    disabledCommands: ["STARTTLS"],
    authOptional: true,
    allowInsecureAuth: true,
    size: 5 * 1024 * 1024,
    closeTimeout: 1_000,
    onConnect(session, callback) {
      // Loopback only, even if the listening address were ever widened.
      if (!isLoopbackAddress(session.remoteAddress)) return callback(Object.assign(new Error(LOOPBACK_ONLY), { responseCode: 554 }));
      callback();
    },
    onAuth(auth, _session, callback) {
      callback(null, { user: auth.username ?? "anonyme" });
    },
    onRcptTo(address, _session, callback) {
      if (rejectRecipients?.(address.address)) {
        return callback(Object.assign(new Error(`5.1.1 <${address.address}>: destinataire inconnu`), { responseCode: 550 }));
      }
      callback();
    },
    onData(stream, session, callback) {
      simpleParser(stream)
        .then(async (parsed) => {
          if (stream.sizeExceeded) throw Object.assign(new Error("5.3.4 Message trop volumineux"), { responseCode: 552 });
          const stored = await store.append({
            canal: "EMAIL",
            to: addresses(parsed.to) || session.envelope.rcptTo.map((r) => r.address).join(", "),
            from: addresses(parsed.from) || (session.envelope.mailFrom ? session.envelope.mailFrom.address : ""),
            subject: parsed.subject ?? null,
            text: parsed.text ?? "",
            ...(typeof parsed.html === "string" ? { html: parsed.html } : {}),
          });
          onMessage?.(stored);
          callback();
        })
        .catch((error: Error & { responseCode?: number }) => callback(Object.assign(error, { responseCode: error.responseCode ?? 451 })));
    },
  });

  await new Promise<void>((resolve, reject) => {
    const onError = (error: Error) => reject(error);
    server.server.once("error", onError);
    server.listen(port, host, () => {
      server.server.off("error", onError);
      resolve();
    });
  });
  // Errors of a single connection (client gone…) must not bring the sink down.
  server.on("error", () => {});
  const address = server.server.address();
  const actualPort = typeof address === "object" && address ? address.port : port;
  return {
    host,
    port: actualPort,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
