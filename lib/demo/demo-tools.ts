// The demo tools (/dev/*) answer only in demo mode and only to a client on this machine: elsewhere they do not exist.
import "server-only";
import { clientAddress } from "../auth/client-address";
import { appConfig } from "../config/app-config";
import { demoToolsAllowed } from "./loopback-address";

export async function demoToolsOpen(): Promise<boolean> {
  if (appConfig().mode !== "demo") return false;
  return demoToolsAllowed({ mode: "demo", clientAddress: await clientAddress() });
}
