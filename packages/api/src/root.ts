import { accountsRouter } from "./routers/accounts/router";
import { authRouter } from "./routers/auth/router";
import { brandRouter } from "./routers/brand/router";
import { customerRouter } from "./routers/customer/router";
import { devRouter } from "./routers/dev/router";
import { kycRouter } from "./routers/kyc/router";
import { kycReviewRouter } from "./routers/kyc-review/router";
import { otpRouter } from "./routers/otp/router";
import { sessionRouter } from "./routers/session/router";
import { staffRouter } from "./routers/staff/router";
import { staffAuthRouter } from "./routers/staff-auth/router";
import { createTRPCRouter } from "./trpc";

export const appRouter = createTRPCRouter({
  accounts: accountsRouter,
  auth: authRouter,
  brand: brandRouter,
  customer: customerRouter,
  dev: devRouter,
  kyc: kycRouter,
  kycReview: kycReviewRouter,
  otp: otpRouter,
  session: sessionRouter,
  staff: staffRouter,
  staffAuth: staffAuthRouter,
});

export type AppRouter = typeof appRouter;
