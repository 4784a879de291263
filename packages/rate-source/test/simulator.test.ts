import { expect, it } from "vitest";
import { RateUnavailableError } from "../src/index";
import { createSimulatedRateSource } from "../src/simulator/index";

it("answers cross rates as decimal strings from the USD table", async () => {
  const source = createSimulatedRateSource({ clock: () => new Date("2026-12-01T10:00:00Z") });
  expect(await source.getRate("USD", "EUR")).toEqual({ base: "USD", quote: "EUR", rate: "0.92", asOf: new Date("2026-12-01T10:00:00Z") });
  expect((await source.getRate("EUR", "USD")).rate).toBe("1.08695652");
  expect((await source.getRate("EUR", "GBP")).rate).toBe("0.85869565");
  expect((await source.getRate("USD", "USD")).rate).toBe("1");
});

it("refuses unknown pairs and, when switched off, every pair", async () => {
  const source = createSimulatedRateSource();
  await expect(source.getRate("USD", "XXX")).rejects.toMatchObject({ name: "RateUnavailableError", reason: "unknown_pair" });
  source.faults.setUnavailable(true);
  await expect(source.getRate("USD", "EUR")).rejects.toBeInstanceOf(RateUnavailableError);
  source.faults.reset();
  expect((await source.getRate("USD", "EUR")).rate).toBe("0.92");
});

it("lets a test move the market, and refuses a rate that is not positive", async () => {
  const source = createSimulatedRateSource();
  source.faults.setUsdRate("EUR", "0.95");
  expect((await source.getRate("USD", "EUR")).rate).toBe("0.95");
  expect(() => source.faults.setUsdRate("EUR", "0")).toThrow(RangeError);
  expect(() => source.faults.setUsdRate("EUR", "-1")).toThrow(RangeError);
});

it("lists the currencies of its table (a new one included), and none while switched off", async () => {
  const source = createSimulatedRateSource();
  expect(await source.currencies()).toEqual(["AUD", "CAD", "CHF", "EUR", "GBP", "JPY", "USD"]);
  source.faults.setUsdRate("SEK", "10.5");
  expect(await source.currencies()).toContain("SEK");
  source.faults.setUnavailable(true);
  await expect(source.currencies()).rejects.toMatchObject({ name: "RateUnavailableError", reason: "unavailable" });
});
