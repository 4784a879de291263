import { expect, test } from "../../fixtures/test";

test.describe("trading core outage", () => {
  test("/api/health answers 503 while the core is down, 200 once it is back", async ({ request, faults }) => {
    await faults.setUnavailable(true);
    const down = await request.get("/api/health");
    expect(down.status()).toBe(503);
    expect(await down.json()).toMatchObject({ status: "degraded", database: { ok: true }, core: { ok: false } });

    await faults.reset();
    const back = await request.get("/api/health");
    expect(back.status()).toBe(200);
    expect(await back.json()).toMatchObject({ status: "ok", core: { ok: true } });
  });
});
