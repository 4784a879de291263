import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";
import { appRouter, type AppRouter } from "./root";
import { createCallerFactory } from "./trpc";

export { appRouter, type AppRouter };
export { createContextInner, type ApiDeps, type Context, type Credential, type RequestMeta } from "./context";
export { fixedClock, systemClock, type Clock } from "./clock";
export { createLogger, type Logger } from "./logger";
export * from "./errors";
export { checkHealth, type HealthReport } from "./health/check-health";

/** Server-side and test callers: `createCaller(createContextInner({ deps, credential }))`. */
export const createCaller = createCallerFactory(appRouter);

export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;
