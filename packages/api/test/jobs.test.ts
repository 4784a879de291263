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
    let started!: () => void;
    const running = new Promise<void>((resolve) => (started = resolve));
    const first = runExclusively(h.db, JOB_LOCKS.coreRecovery, async () => {
      runs++;
      started();
      await held;
      return "first";
    });
    // Once the first round holds the lock (not after a fixed wait: a busy machine is slow to start it).
    await running;
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

describe("instances and the health report", () => {
  it("reports the throttle store, and warns when live instances count in different stores", async () => {
    const { reportInstance } = await import("../src/jobs/instance-heartbeat");
    const { checkHealth } = await import("../src/health/check-health");
    const now = new Date();
    await reportInstance(h.db, "portal-a", { kind: "portal", throttleStore: "postgresql" }, now, now);
    let report = await checkHealth({ db: h.db, core: h.core, rateLimits: h.rateLimits });
    expect(report.throttles).toMatchObject({ ok: true, store: "postgresql" });
    expect(report.warnings).toEqual([]);

    await reportInstance(h.db, "api-b", { kind: "api-server", throttleStore: "redis" }, now, now);
    report = await checkHealth({ db: h.db, core: h.core, rateLimits: h.rateLimits });
    expect(report.status).toBe("ok");
    expect(report.warnings).toEqual([expect.stringContaining("different stores (postgresql: 1, redis: 1)")]);

    // An instance not heard of for over two minutes is gone.
    await h.db.serviceInstance.update({ where: { id: "api-b" }, data: { seenAt: new Date(now.getTime() - 3 * 60_000) } });
    expect((await checkHealth({ db: h.db, core: h.core, rateLimits: h.rateLimits })).warnings).toEqual([]);
  });

  it("a heartbeat writes its row at once and removes it on stop", async () => {
    const { startInstanceHeartbeat } = await import("../src/jobs/instance-heartbeat");
    const beat = startInstanceHeartbeat(h.db, { kind: "api-server", throttleStore: "postgresql" });
    await expect.poll(() => h.db.serviceInstance.count({ where: { id: beat.id } })).toBe(1);
    await beat.stop();
    expect(await h.db.serviceInstance.count({ where: { id: beat.id } })).toBe(0);
  });
});
