import { describe, expect, it } from "vitest";
import { onShutdown, shutDown } from "~/server/shutdown";

describe("the process's shutdown registry", () => {
  it("waits for every stop, runs each once, and a failing stop does not hold up the others", async () => {
    const events: string[] = [];
    onShutdown("slow", async () => {
      await new Promise((resolve) => setTimeout(resolve, 50));
      events.push("slow done");
    });
    onShutdown("failing", () => {
      events.push("failing ran");
      throw new Error("cannot stop");
    });
    onShutdown("quick", () => void events.push("quick done"));

    const first = shutDown();
    const second = shutDown();
    expect(second).toBe(first);
    await first;
    expect(events.sort()).toEqual(["failing ran", "quick done", "slow done"]);
    await shutDown();
    expect(events).toHaveLength(3);
  });
});
