// The transports speak the real protocols: SMTP to the local SMTP sink, HTTP (through the official Twilio client) to
// the local SMS sink. Each failure is classified: permanent (refused address or number) or temporary.
import fs from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMessageStore, type MessageStore } from "./dev-sinks/message-store";
import { startSmsSink } from "./dev-sinks/sms-sink";
import { startSmtpSink, type RunningSink } from "./dev-sinks/smtp-sink";
import { DEMO_TWILIO_ACCOUNT_SID, DEMO_TWILIO_AUTH_TOKEN } from "./messaging-config";
import { DeliveryError, classifySmsError, classifySmtpError, createTransports, RAISON_ADRESSE_REFUSEE, RAISON_NUMERO_REFUSE, redactDetail } from "./transports";

let dir: string;
let store: MessageStore;
let smtp: RunningSink;
let sms: RunningSink;

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "mon-compte-transports-"));
  store = createMessageStore(path.join(dir, "messages.jsonl"));
  smtp = await startSmtpSink({ port: 0, store, rejectRecipients: (a) => a.startsWith("inconnu@") });
  sms = await startSmsSink({ port: 0, store, accountSid: DEMO_TWILIO_ACCOUNT_SID, authToken: DEMO_TWILIO_AUTH_TOKEN, rejectNumbers: (to) => to === "+33639989999" });
});
afterAll(async () => {
  await Promise.all([smtp?.close(), sms?.close()]);
  await fs.rm(dir, { recursive: true, force: true });
});

function transports(overrides: { smtpUrl?: string; authToken?: string; baseUrl?: string } = {}) {
  return createTransports({
    smtpUrl: overrides.smtpUrl ?? `smtp://portail:secret@127.0.0.1:${smtp.port}`,
    mailFrom: '"Mon Compte (démonstration)" <ne-pas-repondre@moncompte.invalid>',
    sms: {
      accountSid: DEMO_TWILIO_ACCOUNT_SID,
      authToken: overrides.authToken ?? DEMO_TWILIO_AUTH_TOKEN,
      from: "MonCompte",
      baseUrl: overrides.baseUrl ?? `http://127.0.0.1:${sms.port}`,
    },
  });
}

async function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function rejection(promise: Promise<unknown>): Promise<DeliveryError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DeliveryError);
  return error as DeliveryError;
}

describe("transports réels vers les puits locaux", () => {
  it("un courriel part en SMTP, avec authentification, et arrive entier (sujet, texte, HTML, accents)", async () => {
    await transports().email("claire.martin@example.org", { sujet: "Mon Compte — essai", texte: "Voici un texte accentué : é à ç.", html: "<p>Voici</p>" });
    const [received] = await store.read();
    expect(received).toMatchObject({ canal: "EMAIL", to: "claire.martin@example.org", subject: "Mon Compte — essai", text: "Voici un texte accentué : é à ç." });
    expect(received!.from).toContain("ne-pas-repondre@moncompte.invalid");
    expect(received!.html).toContain("<p>Voici</p>");
  });

  it("un SMS part en HTTP vers l'API de type Twilio, authentifié par le compte et le jeton", async () => {
    await transports().sms("+33639981001", "Mon Compte : votre code est 123456.");
    const [received] = await store.read();
    expect(received).toMatchObject({ canal: "SMS", to: "+33639981001", from: "MonCompte", text: "Mon Compte : votre code est 123456." });
  });

  it("une adresse refusée par le serveur (550) est un échec définitif, sans l'adresse dans le détail", async () => {
    const error = await rejection(transports().email("inconnu@example.org", { sujet: "Mon Compte — x", texte: "x" }));
    expect(error.permanent).toBe(true);
    expect(error.raison).toBe(RAISON_ADRESSE_REFUSEE);
    expect(error.detail).toMatch(/^smtp EENVELOPE 550/);
    expect(error.detail).not.toContain("inconnu@example.org");
  });

  it("un numéro refusé par l'API SMS (400, erreur 21211) est un échec définitif, sans le numéro dans le détail", async () => {
    const error = await rejection(transports().sms("+33639989999", "x"));
    expect(error.permanent).toBe(true);
    expect(error.raison).toBe(RAISON_NUMERO_REFUSE);
    expect(error.detail).toMatch(/^sms http 400 code 21211/);
    expect(error.detail).not.toMatch(/639989999/);
  });

  it("un jeton SMS faux est un échec temporaire (401 : la configuration est à corriger, pas le numéro)", async () => {
    const error = await rejection(transports({ authToken: "mauvais" }).sms("+33639981001", "x"));
    expect(error.permanent).toBe(false);
    expect(error.detail).toMatch(/^sms http 401 code 20003/);
  });

  it("un serveur SMTP ou SMS injoignable est un échec temporaire", async () => {
    const port = await closedPort();
    const email = await rejection(transports({ smtpUrl: `smtp://127.0.0.1:${port}` }).email("claire@example.org", { sujet: "s", texte: "t" }));
    expect(email.permanent).toBe(false);
    expect(email.detail).toMatch(/^smtp ESOCKET connect ECONNREFUSED/);
    const text = await rejection(transports({ baseUrl: `http://127.0.0.1:${port}` }).sms("+33639981001", "t"));
    expect(text.permanent).toBe(false);
    expect(text.detail).toBe("sms ECONNREFUSED");
  });
});

describe("classement des erreurs", () => {
  it("SMTP : 4xx et authentification refusée sont temporaires, 5xx sur le destinataire ou le message est définitif", () => {
    expect(classifySmtpError({ code: "EENVELOPE", responseCode: 450, response: "450 4.2.0 boîte pleine" }).permanent).toBe(false);
    expect(classifySmtpError({ code: "EENVELOPE", responseCode: 553, response: "553 5.1.3 adresse invalide" }).permanent).toBe(true);
    expect(classifySmtpError({ code: "EMESSAGE", responseCode: 550, response: "550 5.7.1 refusé" }).permanent).toBe(true);
    expect(classifySmtpError({ code: "EAUTH", responseCode: 535, response: "535 5.7.8 identifiants refusés" }).permanent).toBe(false);
    expect(classifySmtpError({ code: "ETIMEDOUT" }).permanent).toBe(false);
    expect(classifySmtpError({ code: "EENVELOPE", command: "API" }).permanent).toBe(true);
  });

  it("SMS : 400 sur le numéro est définitif, 400 sur l'expéditeur, 429 et 5xx sont temporaires", () => {
    expect(classifySmsError({ status: 400, code: 21614, message: "not a mobile number" }).permanent).toBe(true);
    expect(classifySmsError({ status: 400, code: 21606, message: "From is not valid" }).permanent).toBe(false);
    expect(classifySmsError({ status: 429, code: 20429, message: "Too many requests" }).permanent).toBe(false);
    expect(classifySmsError({ status: 503, message: "Service unavailable" }).permanent).toBe(false);
    expect(classifySmsError({ code: "ECONNABORTED", name: "AxiosError" }).permanent).toBe(false);
  });

  it("le détail enregistré ne garde ni adresse électronique ni numéro de téléphone", () => {
    expect(redactDetail("550 5.1.1 <claire.martin@example.org>: unknown user")).toBe("550 5.1.1 [adresse]: unknown user");
    expect(redactDetail("Numéro 06 39 98 10 01 ou 0639981001 refusé")).toBe("Numéro [numéro] ou [numéro] refusé");
    expect(redactDetail("The 'To' number +33 6 39 98 10 01 is invalid")).toBe("The 'To' number [numéro] is invalid");
    expect(redactDetail("x".repeat(500)).length).toBe(160);
  });
});
