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
export { toNodeHandler } from "./http-api/node";
export { resumeArchivals } from "./accounts/archival-recovery";
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
export { createStaffMember, type NewStaffMember } from "./staff-auth/create-staff-member";
export { STAFF_ENROLMENT_LINK_MS } from "./staff-auth/enrolment-links";
export { trpcErrorResponse, trpcTransportRefusal, TRPC_METHODS } from "./http-api/trpc-transport";
export { startInstanceHeartbeat, type InstanceInfo } from "./jobs/instance-heartbeat";
