// The durable trading-core simulator. Import from "@brokerage/core-adapter/simulator";
// the interface itself lives in "@brokerage/core-adapter".
export {
  createSimulatorCore,
  DEFAULT_POOL_SIZE,
  DEFAULT_TIMEOUT_MS,
  SimulatorCore,
  type SimulatorHandle,
  type SimulatorOptions,
} from "./core";
export type { FaultMode, FaultState, FaultSwitch, PendingFault } from "./faults";
export { migrateSimulator, SIMULATOR_MIGRATIONS_DIR, SIMULATOR_SCHEMA } from "./migrations";
