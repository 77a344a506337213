// A local stand-in for the Twilio Messages API (demo and tests): POST /2010-04-01/Accounts/{sid}/Messages.json with a
// form-encoded To/From/Body and HTTP basic auth (account SID and auth token), answered like Twilio (201 and the new
// message as JSON, or a Twilio-shaped error). `rejectNumbers` refuses chosen numbers with Twilio's error 21211.
import { randomBytes, timingSafeEqual } from "node:crypto";
import http from "node:http";
import type { MessageStore, SinkMessage } from "./message-store";
import { isLoopbackAddress } from "../../demo/loopback-address";
import { requireLoopbackHost, type RunningSink } from "./smtp-sink";

export type SmsSinkOptions = {
  /** Demo controls served at POST /_puits/<name> on loopback (see start-dev-sinks.ts). */
  controls?: Record<string, () => Promise<void>>;
  port: number;
  host?: string;
  store: MessageStore;
  accountSid: string;
  authToken: string;
  rejectNumbers?: (to: string) => boolean;
  onMessage?: (message: SinkMessage) => void;
};

const MAX_BODY_BYTES = 64 * 1024;

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given, "utf8");
  const b = Buffer.from(expected, "utf8");
  return a.length === b.length && timingSafeEqual(a, b);
}

function reply(res: http.ServerResponse, status: number, body: object) {
  const json = JSON.stringify(body);
  res.writeHead(status, { "Content-Type": "application/json; charset=utf-8", "Content-Length": Buffer.byteLength(json) });
  res.end(json);
}

function twilioError(res: http.ServerResponse, status: number, code: number, message: string) {
  reply(res, status, { code, message, more_info: `twilio-error-${code}`, status });
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new Error("corps trop long"));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

export async function startSmsSink({ port, host = "127.0.0.1", store, accountSid, authToken, rejectNumbers, onMessage, controls = {} }: SmsSinkOptions): Promise<RunningSink> {
  requireLoopbackHost(host);
  const route = /^\/2010-04-01\/Accounts\/([^/]+)\/Messages\.json$/;

  const server = http.createServer(async (req, res) => {
    // Loopback only, even if the listening address were ever widened.
    if (!isLoopbackAddress(req.socket.remoteAddress)) return void res.writeHead(403).end();
    try {
      const url = new URL(req.url ?? "/", "http://puits-sms.invalid");
      // Demo controls of the sinks themselves (e.g. stop the SMTP sink to watch the outbox retry): POST only.
      const control = url.pathname.startsWith("/_puits/") ? controls[url.pathname.slice("/_puits/".length)] : undefined;
      if (control && req.method === "POST") {
        await control();
        return reply(res, 200, { ok: true });
      }
      const match = route.exec(url.pathname);
      if (!match) return twilioError(res, 404, 20404, "The requested resource was not found");
      if (req.method !== "POST") {
        res.setHeader("Allow", "POST");
        return twilioError(res, 405, 20004, "Method not allowed");
      }
      const [scheme, encoded] = (req.headers.authorization ?? "").split(" ");
      const [user, ...rest] = scheme === "Basic" && encoded ? Buffer.from(encoded, "base64").toString("utf8").split(":") : [];
      if (!user || !sameSecret(user, accountSid) || !sameSecret(rest.join(":"), authToken)) {
        res.setHeader("WWW-Authenticate", 'Basic realm="Twilio API"');
        return twilioError(res, 401, 20003, "Authenticate");
      }
      if (decodeURIComponent(match[1]!) !== accountSid) return twilioError(res, 404, 20404, "The requested resource was not found");
      if (!(req.headers["content-type"] ?? "").startsWith("application/x-www-form-urlencoded")) {
        return twilioError(res, 400, 20001, "Expected a form-encoded body");
      }
      const form = new URLSearchParams(await readBody(req));
      const to = form.get("To")?.trim() ?? "";
      const from = form.get("From")?.trim() || form.get("MessagingServiceSid")?.trim() || "";
      const body = form.get("Body") ?? "";
      if (!to) return twilioError(res, 400, 21604, "A 'To' phone number is required.");
      if (!from) return twilioError(res, 400, 21603, "A 'From' phone number is required.");
      if (!body) return twilioError(res, 400, 21602, "Message body is required.");
      if (!/^\+[1-9]\d{6,14}$/.test(to) || rejectNumbers?.(to)) return twilioError(res, 400, 21211, `The 'To' number ${to} is not a valid phone number.`);

      const stored = await store.append({ canal: "SMS", to, from, subject: null, text: body });
      onMessage?.(stored);
      const sid = `SM${randomBytes(16).toString("hex")}`;
      const now = new Date().toUTCString();
      reply(res, 201, {
        sid,
        account_sid: accountSid,
        status: "queued",
        to,
        from,
        body,
        direction: "outbound-api",
        num_segments: "1",
        num_media: "0",
        api_version: "2010-04-01",
        date_created: now,
        date_updated: now,
        date_sent: null,
        price: null,
        error_code: null,
        error_message: null,
        uri: `/2010-04-01/Accounts/${accountSid}/Messages/${sid}.json`,
      });
    } catch {
      if (!res.headersSent) twilioError(res, 500, 20500, "Internal Server Error");
      else res.destroy();
    }
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const address = server.address();
  return {
    host,
    port: typeof address === "object" && address ? address.port : port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
