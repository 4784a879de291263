// What the fleet (fleet.ts, in Playwright's runner) tells the tests (in the workers).
import { readFileSync } from "node:fs";
import path from "node:path";

export type InstanceName = "a" | "b";

export interface Fleet {
  /** HAProxy in front of the two portals (localhost: the Secure cookies of a production build). */
  portalUrl: string;
  /** The same, by address: one client address for every plain request (the throttles count per address). */
  portalDirectUrl: string;
  /** HAProxy in front of the two API servers (by address). */
  apiUrl: string;
  databaseUrl: string;
  redisUrl: string;
  redisPrefix: string;
  /** One JSON line (a Delivery) per message the two SMTP servers received. */
  smtpLog: string;
  ports: {
    portalA: number;
    portalB: number;
    apiA: number;
    apiB: number;
    portalLb: number;
    apiLb: number;
    metricsPortalA: number;
    metricsPortalB: number;
    metricsApiA: number;
    metricsApiB: number;
  };
  pids: { portalA: number; portalB: number; apiA: number; apiB: number };
}

export const fleetFile = (stateDir: string) => path.join(stateDir, "fleet.json");

export function readFleet(): Fleet {
  const stateDir = process.env.E2E_STATE_DIR;
  if (!stateDir) throw new Error("E2E_STATE_DIR is not set");
  return JSON.parse(readFileSync(fleetFile(stateDir), "utf8")) as Fleet;
}

export interface Delivery {
  messageId: string | null;
  to: string[];
  subject: string | null;
  at: number;
  /** The SMTP server of that portal received it. */
  server: InstanceName;
  /** Portal b's server answered it only HOLD_MS later. */
  held: boolean;
}

/** Messages to these recipients reach portal b's SMTP server's answer only HOLD_MS later. */
export const HOLD_RECIPIENT = /^instances-hold-/;
export const HOLD_MS = 2_000;

export function readDeliveries(fleet: Fleet): Delivery[] {
  return readFileSync(fleet.smtpLog, "utf8")
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Delivery);
}
