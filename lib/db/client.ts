// The Prisma client for the running portal, on PGlite (embedded) or PostgreSQL, one per process.
import "server-only";
import { openPrisma, type Database } from "./open-prisma";
import { appConfig } from "../config/app-config";

const globalForPrisma = globalThis as unknown as { monComptePrisma?: Promise<Database> };

/** The shared client. Created on first use, so that a page which needs no data opens no database. */
export function db(): Promise<Database> {
  globalForPrisma.monComptePrisma ??= openPrisma(appConfig().database);
  return globalForPrisma.monComptePrisma;
}
