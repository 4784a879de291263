// Half of the money property's schedules (the other half runs beside it in its own file,
// on its own database, so the two use both cores). MONEY_PROPERTY_RUNS sets the total.
import { it } from "vitest";
import { checkConservation } from "./conservation";

const RUNS = Math.ceil(Number(process.env.MONEY_PROPERTY_RUNS ?? 1000) / 2);

it(`keeps every cent over ${RUNS} random schedules with core and provider faults (seed 1)`, () => checkConservation(RUNS, 20261201), 600_000);
