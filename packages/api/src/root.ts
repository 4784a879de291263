import { accountsRouter } from "./accounts/router";
import { authRouter } from "./auth/router";
import { brandRouter } from "./brand/router";
import { complianceRouter } from "./compliance/router";
import { conversionRouter } from "./conversion/router";
import { customerRouter } from "./customer/router";
import { customerDataRouter } from "./customer-data/router";
import { dashboardRouter } from "./dashboard/router";
import { depositsRouter } from "./deposits/router";
import { devRouter } from "./dev/router";
import { historyRouter } from "./history/router";
import { kycRouter } from "./kyc/router";
import { kycReviewRouter } from "./kyc-review/router";
import { otpRouter } from "./otp/router";
import { payoutMethodsRouter } from "./payout-methods/router";
import { profileRouter } from "./profile/router";
import { sessionRouter } from "./session/router";
import { smsFactorRouter } from "./sms-factor/router";
import { staffRouter } from "./staff/router";
import { staffAuthRouter } from "./staff-auth/router";
import { staffAuditRouter } from "./staff-audit/router";
import { staffCustomersRouter } from "./staff-customers/router";
import { staffMembersRouter } from "./staff-members/router";
import { statementsRouter } from "./statements/router";
import { staffWithdrawalsRouter } from "./staff-withdrawals/router";
import { stepUpRouter } from "./step-up/router";
import { withdrawalsRouter } from "./withdrawals/router";
import { createTRPCRouter } from "./trpc";

export const appRouter = createTRPCRouter({
  accounts: accountsRouter,
  auth: authRouter,
  brand: brandRouter,
  compliance: complianceRouter,
  conversion: conversionRouter,
  customer: customerRouter,
  customerData: customerDataRouter,
  dashboard: dashboardRouter,
  deposits: depositsRouter,
  dev: devRouter,
  history: historyRouter,
  kyc: kycRouter,
  kycReview: kycReviewRouter,
  otp: otpRouter,
  payoutMethods: payoutMethodsRouter,
  profile: profileRouter,
  session: sessionRouter,
  smsFactor: smsFactorRouter,
  staff: staffRouter,
  staffAuth: staffAuthRouter,
  staffAudit: staffAuditRouter,
  staffCustomers: staffCustomersRouter,
  staffMembers: staffMembersRouter,
  staffWithdrawals: staffWithdrawalsRouter,
  statements: statementsRouter,
  stepUp: stepUpRouter,
  withdrawals: withdrawalsRouter,
});

export type AppRouter = typeof appRouter;
