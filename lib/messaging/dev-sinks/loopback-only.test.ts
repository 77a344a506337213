// The local message sinks of the demo never listen beyond this machine (issue 10, point 10).
import { describe, expect, it } from "vitest";
import { createMessageStore } from "./message-store";
import { startSmsSink } from "./sms-sink";
import { LOOPBACK_ONLY, startSmtpSink } from "./smtp-sink";
import os from "node:os";
import path from "node:path";

const store = () => createMessageStore(path.join(os.tmpdir(), `puits-${process.pid}-${Date.now()}.jsonl`));

describe("puits de messages de démonstration", () => {
  it("refusent d'écouter ailleurs que sur la boucle locale, avant d'ouvrir le moindre port", async () => {
    for (const host of ["0.0.0.0", "::", "192.168.1.10", "localhost"]) {
      await expect(startSmtpSink({ port: 0, host, store: store() }), host).rejects.toThrow(LOOPBACK_ONLY);
      await expect(startSmsSink({ port: 0, host, store: store(), accountSid: "AC0", authToken: "x" }), host).rejects.toThrow(LOOPBACK_ONLY);
    }
  });

  it("écoutent sur 127.0.0.1 par défaut", async () => {
    const smtp = await startSmtpSink({ port: 0, store: store() });
    const sms = await startSmsSink({ port: 0, store: store(), accountSid: "AC0", authToken: "x" });
    try {
      expect([smtp.host, sms.host]).toEqual(["127.0.0.1", "127.0.0.1"]);
    } finally {
      await smtp.close();
      await sms.close();
    }
  });
});
