export { instrumentCore, installMetricsHooks, metricsHooks, type MetricsHooks, type RecoveryJob } from "./hooks";
export {
  apiRouteLabel,
  createMetricsServer,
  createServiceMetrics,
  installServiceMetrics,
  outboxLagSeconds,
  type ServiceMetrics,
  type ServiceMetricsOptions,
} from "./metrics";
