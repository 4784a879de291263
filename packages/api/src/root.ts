import { accountsRouter } from "./accounts/router";
import { authRouter } from "./auth/router";
import { brandRouter } from "./brand/router";
import { customerRouter } from "./customer/router";
import { devRouter } from "./dev/router";
import { kycRouter } from "./kyc/router";
import { kycReviewRouter } from "./kyc-review/router";
import { otpRouter } from "./otp/router";
import { sessionRouter } from "./session/router";
import { staffRouter } from "./staff/router";
import { staffAuthRouter } from "./staff-auth/router";
import { staffAuditRouter } from "./staff-audit/router";
import { staffCustomersRouter } from "./staff-customers/router";
import { staffMembersRouter } from "./staff-members/router";
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
  staffAudit: staffAuditRouter,
  staffCustomers: staffCustomersRouter,
  staffMembers: staffMembersRouter,
});

export type AppRouter = typeof appRouter;
