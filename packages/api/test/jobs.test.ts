// Periodic jobs run on one instance at a time: the others skip the round.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient, type Database } from "@brokerage/db";
import { JOB_LOCKS, runExclusively } from "../src/jobs/run-exclusively";
import { createHarness, type Harness } from "./support/harness";

let h: Harness;
let otherInstance: Database;
beforeAll(async () => {
  h = await createHarness();
  otherInstance = createPrismaClient(h.database.url, { max: 2 });
});
afterAll(async () => {
  await otherInstance.$disconnect();
  await h.close();
});

describe("runExclusively", () => {
  it("lets one of two instances run a round; the other skips it, and the next round runs again", async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let runs = 0;
    const first = runExclusively(h.db, JOB_LOCKS.coreRecovery, async () => {
      runs++;
      await held;
      return "first";
    });
    await new Promise((resolve) => setTimeout(resolve, 200));
    const second = await runExclusively(otherInstance, JOB_LOCKS.coreRecovery, async () => {
      runs++;
      return "second";
    });
    expect(second).toEqual({ ran: false });
    release();
    expect(await first).toEqual({ ran: true, result: "first" });
    expect(await runExclusively(otherInstance, JOB_LOCKS.coreRecovery, async () => "later")).toEqual({ ran: true, result: "later" });
    expect(runs).toBe(1);
  });

  it("releases the lock when the job fails", async () => {
    await expect(runExclusively(h.db, JOB_LOCKS.coreRecovery, async () => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    expect(await runExclusively(otherInstance, JOB_LOCKS.coreRecovery, async () => 1)).toEqual({ ran: true, result: 1 });
  });
});
