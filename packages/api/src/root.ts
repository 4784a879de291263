import { authRouter } from "./routers/auth/router";
import { brandRouter } from "./routers/brand/router";
import { customerRouter } from "./routers/customer/router";
import { devRouter } from "./routers/dev/router";
import { otpRouter } from "./routers/otp/router";
import { sessionRouter } from "./routers/session/router";
import { staffRouter } from "./routers/staff/router";
import { createTRPCRouter } from "./trpc";

export const appRouter = createTRPCRouter({
  auth: authRouter,
  brand: brandRouter,
  customer: customerRouter,
  dev: devRouter,
  otp: otpRouter,
  session: sessionRouter,
  staff: staffRouter,
});

export type AppRouter = typeof appRouter;
