// The durable payment-provider simulator. Import from "@brokerage/payments/simulator";
// the interface itself lives in "@brokerage/payments".
export {
  createPaymentSimulator,
  DEFAULT_BASE_PATH,
  DEFAULT_PAYMENT_TTL_MS,
  PaymentSimulator,
  type PaymentSimulatorOptions,
} from "./simulator";
export type { DeliveryCounts, WebhookOptions, WebhookRequest } from "./delivery";
export type {
  LoseReplyOperation,
  PaymentFaultState,
  PaymentFaultSwitch,
  PaymentFaultSwitch as FaultSwitch,
} from "./faults";
export { TEST_CARDS } from "./page";
export {
  migratePaymentSimulator,
  PAYMENT_SIMULATOR_MIGRATIONS_DIR,
  PAYMENT_SIMULATOR_SCHEMA,
} from "./migrations";
