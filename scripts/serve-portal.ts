// The portal's HTTP server, run by `npm start` in place of `next start`: Next's request handler behind a plain Node
// server that owns the client address. `next start` keeps an X-Forwarded-For sent by the client, so every client
// could choose its own address; here the address comes from the socket (and TRUSTED_PROXIES), and the header the
// portal reads is overwritten before Next sees the request (lib/auth/trusted-proxies.ts).
import http from "node:http";
import path from "node:path";
import next from "next";
import { ConfigurationError } from "../lib/db/database-config";
import { parseTrustedProxies, resolveClientAddress } from "../lib/auth/trusted-proxies";

const CLIENT_ADDRESS_HEADER = "x-forwarded-for";
const CLIENT_ADDRESS_OWNER_ENV = "MON_COMPTE_CLIENT_ADDRESS_FROM_SOCKET";

async function main() {
  const port = Number(process.env.PORT ?? 3000);
  let trusted;
  try {
    trusted = parseTrustedProxies(process.env.TRUSTED_PROXIES);
  } catch (error) {
    if (!(error instanceof ConfigurationError)) throw error;
    console.error(`[mon-compte] ${error.message}`);
    process.exit(1);
  }
  process.env[CLIENT_ADDRESS_OWNER_ENV] = "1";
  const app = next({ dev: false, dir: path.resolve(import.meta.dirname, ".."), port });
  const handle = app.getRequestHandler();
  await app.prepare();
  const server = http.createServer((req, res) => {
    req.headers[CLIENT_ADDRESS_HEADER] = resolveClientAddress(req.socket.remoteAddress, req.headers[CLIENT_ADDRESS_HEADER], trusted);
    // Other spellings of the same claim, never read by the portal, are not passed on either.
    delete req.headers["forwarded"];
    delete req.headers["x-real-ip"];
    void handle(req, res);
  });
  server.listen(port, () => console.log(`[mon-compte] Portail à l'écoute sur le port ${port}.`));
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => process.exit(0));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
