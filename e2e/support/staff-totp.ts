// Staff TOTP in the e2e run. Staff TOTP is mandatory, so the first sign-in of each staff
// member in a run enrols them; their secret and the last time step used are kept in the
// run's state folder (E2E_STATE_DIR), so later sign-ins compute the current code. The
// server accepts no code twice (nor an older one), and two Playwright workers may sign in
// as the same member at once: a lock file per e-mail serialises them. When both usable
// time steps are taken, a sign-in uses one of the member's recovery codes (kept from the
// enrolment; each works once) and only waits for the next 30-second step without one.
import {
  closeSync,
  existsSync,
  openSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import path from "node:path";
import { test } from "@playwright/test";
import { totpCode, totpStep } from "./identity";
import { stateDir } from "./state";

export interface StaffTotpState {
  secret: string;
  /** The last time step the server accepted a code of (a later code must be after it). */
  lastStep: number;
  /** Recovery codes not used yet. */
  recoveryCodes: string[];
}

const fileName = (email: string) => email.toLowerCase().replace(/[^a-z0-9]+/g, "_");
const statePath = (email: string) => path.join(stateDir(), `staff-totp-${fileName(email)}.json`);
const lockPath = (email: string) => path.join(stateDir(), `staff-totp-${fileName(email)}.lock`);

export function readStaffTotp(email: string): StaffTotpState | null {
  const file = statePath(email);
  return existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as StaffTotpState) : null;
}

/** Records a member's secret and the step of the code the server just accepted. */
export function rememberStaffTotp(email: string, state: StaffTotpState): void {
  writeFileSync(statePath(email), JSON.stringify(state), { mode: 0o600 });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** More time for the running test (when there is one): waiting for a time step takes up to 30 s. */
function allowMoreTime(ms: number): void {
  try {
    const info = test.info();
    if (info.timeout > 0) info.setTimeout(info.timeout + ms);
  } catch {
    // Outside a test (a global setup): nothing to extend.
  }
}

/** Runs `fn` while holding the member's lock; other workers wait. */
export async function withStaffLock<T>(email: string, fn: () => Promise<T>): Promise<T> {
  const lock = lockPath(email);
  const deadline = Date.now() + 120_000;
  let waited = false;
  for (;;) {
    try {
      closeSync(openSync(lock, "wx"));
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      // A lock older than two minutes belongs to a worker that died mid-sign-in.
      const held = statSync(lock, { throwIfNoEntry: false });
      if (held && Date.now() - held.mtimeMs > 120_000) rmSync(lock, { force: true });
      if (Date.now() > deadline)
        throw new Error(`waited too long for the staff sign-in lock of ${email}`);
      if (!waited) allowMoreTime(60_000);
      waited = true;
      await sleep(100);
    }
  }
  try {
    return await fn();
  } finally {
    rmSync(lock, { force: true });
  }
}

/**
 * A code the server will take: of a step after `lastStep`, within its window of one step
 * either side of now. Waits for the next step when both usable ones are taken.
 */
export async function nextStaffCode(state: {
  secret: string;
  lastStep: number | null;
}): Promise<{ code: string; step: number }> {
  for (;;) {
    const now = totpStep();
    const step = state.lastStep === null ? now : Math.max(now, state.lastStep + 1);
    if (step <= now + 1) return { code: totpCode(state.secret, step), step };
    allowMoreTime(35_000);
    await sleep((now + 1) * 30_000 - Date.now() + 200);
  }
}

/**
 * The code for a known member's next sign-in, and the state to remember once the server
 * has accepted it: a TOTP code when a time step is free, else a recovery code, else the
 * TOTP code of the next step (after waiting for it).
 */
export async function staffSignInCode(
  state: StaffTotpState,
): Promise<{ code: string; after: StaffTotpState }> {
  const now = totpStep();
  const [recovery, ...rest] = state.recoveryCodes;
  if (Math.max(now, state.lastStep + 1) > now + 1 && recovery) {
    return { code: recovery, after: { ...state, recoveryCodes: rest } };
  }
  const { code, step } = await nextStaffCode(state);
  return { code, after: { ...state, lastStep: step } };
}
