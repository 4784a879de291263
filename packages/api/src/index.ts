import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";
import { appRouter, type AppRouter } from "./root";
import { createCallerFactory } from "./trpc";

export { appRouter, type AppRouter };
export { createContextInner, type ApiDeps, type Context, type Credential, type RequestMeta } from "./context";
export { fixedClock, systemClock, type Clock } from "./clock";
export { createLogger, type Logger } from "./logger";
export * from "./errors";
export { checkHealth, type HealthReport } from "./health/check-health";
export { createPostgresRateLimits, createRedisRateLimits, type RateLimits } from "./rate-limit/rate-limits";
export { validateServerEnv } from "./env";
export { loginCustomer } from "./auth/login";
export { loginInput } from "./auth/login.schema";
export { enableOtp } from "./otp/otp-management";
export { recoverOpenings } from "./accounts/opening-recovery";
export {
  getKycState,
  isKycApproved,
  kycRequiredPayload,
  kycRequiredPayloadCamel,
  setRequiredLevel,
  KYC_STATUS,
  type KycState,
} from "./kyc";
export { createLocalDocumentStorage, type DocumentStorage } from "./kyc/document-storage";
export { loginStaff, type StaffLoginInput } from "./staff-auth/login-staff";

/** Server-side and test callers: `createCaller(createContextInner({ deps, credential }))`. */
export const createCaller = createCallerFactory(appRouter);

export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;
export { createCustomerHttpApi, type CustomerHttpApi, type CustomerHttpApiOptions } from "./http-api/handler";
export { buildOpenApiDocument, type OpenApiOptions } from "./http-api/openapi";
export { isCustomerApiPath, matchPath } from "./http-api/routes";
export { toNodeHandler } from "./http-api/node";
export { resumeArchivals } from "./accounts/archival-recovery";
export { recoverConversions } from "./conversion/accept-quote";
export {
  ROLE_PERMISSIONS,
  STAFF_PERMISSIONS,
  STAFF_ROLES,
  hasPermission,
  permissionsOf,
  type StaffPermission,
} from "./staff-auth/permissions";
export { trpcResponseStatus } from "./http-api/trpc-response-status";
export { bearerCredential, resolveRequestId, REQUEST_ID_HEADER } from "./http-api/handler";
export { JOB_LOCKS, runExclusively } from "./jobs/run-exclusively";
export { purgeExpiredAuditEvents } from "./jobs/audit-retention";
export { purgeExpiredCustomerRecords } from "./jobs/records-retention";
export { createStaffMember, type NewStaffMember } from "./staff-auth/create-staff-member";
export { STAFF_ENROLMENT_LINK_MS } from "./staff-auth/enrolment-links";
export { trpcErrorResponse, trpcTransportRefusal, TRPC_METHODS } from "./http-api/trpc-transport";
export { startInstanceHeartbeat, type InstanceInfo } from "./jobs/instance-heartbeat";
export { handlePaymentWebhook } from "./payment-provider/webhook";
export { reconcilePayments, type ReconcileOptions } from "./payment-provider/reconcile";
export { createPaymentWebhookEndpoint } from "./payment-provider/webhook-endpoint";
/** Deposit and daily withdrawal limits per currency, for screens that show them before a request. */
export { MONEY_LIMITS, limitsFor } from "./money/limits";
/** Metrics reports that need no prom-client (the registry lives in `@brokerage/api/metrics`). */
export { instrumentCore, metricsHooks, type MetricsHooks, type RecoveryJob } from "./metrics/hooks";
