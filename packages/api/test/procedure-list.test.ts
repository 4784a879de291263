// The router's public surface: every procedure name (router key path), its kind and who may
// call it. Internal developers import these names, so a rename or a lost procedure must be
// a deliberate change of this list, never a side effect of moving files.
import { describe, expect, it } from "vitest";
import { appRouter } from "../src/root";
import type { ProcedureMeta } from "../src/trpc";

const EXPECTED = `
accounts.archive mutation customer
accounts.get query customer
accounts.groups query customer
accounts.list query customer
accounts.live query customer
accounts.open mutation customer
accounts.openByGroupId mutation customer
accounts.passwordWizard.change mutation customer
accounts.passwordWizard.confirm mutation customer
accounts.passwordWizard.start mutation customer
accounts.restorePassword mutation customer
accounts.revealRestoredPassword mutation customer
accounts.transfer mutation customer
accounts.update mutation customer
auth.login mutation public
auth.refresh mutation public
auth.requestPasswordReset mutation public
auth.resetPassword mutation public
auth.signUp mutation public
brand.get query public
compliance.acceptTerms mutation customer
compliance.questionnaire query customer
compliance.status query customer
compliance.submitAppropriateness mutation customer
compliance.terms query customer
conversion.accept mutation customer
conversion.quote mutation customer
customer.changePassword mutation customer
customer.me query customer
customer.resendCode mutation customer
customer.setLanguage mutation customer
customer.setPreferredCurrency mutation customer
customer.verifyEmail mutation customer
customer.verifyPhone mutation customer
customerData.close mutation customer
customerData.export query customer
dashboard.summary query customer
deposits.create mutation customer
deposits.get query customer
deposits.list query customer
dev.mailbox query public
history.exportCsv query customer
history.list query customer
kyc.state query customer
kyc.submit mutation customer
kycReview.approve mutation staff kyc:review
kycReview.document query staff kyc:documents
kycReview.get query staff kyc:review
kycReview.queue query staff kyc:review
kycReview.reject mutation staff kyc:review
otp.check mutation customer
otp.disable mutation customer
otp.enable mutation customer
otp.regenerateRecoveryCodes mutation customer
otp.setup mutation customer
otp.status query customer
payoutMethods.add mutation customer
payoutMethods.list query customer
payoutMethods.remove mutation customer
profile.confirmEmailChange mutation customer
profile.confirmPhoneChange mutation customer
profile.get query customer
profile.requestEmailChange mutation customer
profile.requestPhoneChange mutation customer
profile.setPreferredLanguage mutation customer
profile.updateName mutation customer
session.accounts query customer
session.activity query customer
session.list query customer
session.logout mutation customer
session.reauthenticate mutation customer
session.revoke mutation customer
session.revokeOthers mutation customer
smsFactor.disable mutation customer
smsFactor.enable mutation customer
smsFactor.sendSetupCode mutation customer
smsFactor.setDefault mutation customer
smsFactor.status query customer
staff.adjustBalance mutation staff money:adjust:request
staff.adjustmentRequests query staff money:adjust:request
staff.approveAdjustment mutation staff money:adjust:approve
staff.rejectAdjustment mutation staff money:adjust:approve
staff.setCustomerStatus mutation staff customers:manage
staffAudit.list query staff audit:read
staffAuth.enrolment.enable mutation staff staff:enrol
staffAuth.enrolment.setup mutation staff staff:enrol
staffAuth.enrolment.signOut mutation staff staff:enrol
staffAuth.enrolment.status query staff staff:enrol
staffAuth.enrolmentLink.get query public
staffAuth.enrolmentLink.setPassword mutation public
staffAuth.logout mutation staff staff:self
staffAuth.me query staff staff:self
staffAuth.revokeSession mutation staff staff:self
staffAuth.sessions query staff staff:self
staffCustomers.assign mutation staff customers:manage
staffCustomers.create mutation staff customers:manage
staffCustomers.endSessions mutation staff customers:support
staffCustomers.get query staff customers:read
staffCustomers.resetTwoFactor mutation staff customers:support
staffCustomers.search query staff customers:read
staffCustomers.setCategory mutation staff customers:manage
staffMembers.changeRole mutation staff staff:manage
staffMembers.endSessions mutation staff staff:manage
staffMembers.invite mutation staff staff:manage
staffMembers.list query staff staff:manage
staffMembers.resendInvite mutation staff staff:manage
staffMembers.resetTwoFactor mutation staff staff:manage
staffMembers.revokeSession mutation staff staff:manage
staffMembers.sessions query staff staff:manage
staffMembers.setEnabled mutation staff staff:manage
staffWithdrawals.approve mutation staff money:withdrawals:approve
staffWithdrawals.list query staff money:withdrawals:approve
staffWithdrawals.reject mutation staff money:withdrawals:approve
statements.file query customer
statements.generate mutation customer
statements.list query customer
stepUp.send mutation customer
withdrawals.cancel mutation customer
withdrawals.get query customer
withdrawals.limits query customer
withdrawals.list query customer
withdrawals.request mutation customer
`;

interface ListedProcedure {
  _def: { meta?: Partial<ProcedureMeta>; type: string };
}

describe("procedure list", () => {
  it("names every procedure with its kind and access, unchanged", () => {
    const listed = Object.entries(appRouter._def.procedures as unknown as Record<string, ListedProcedure>)
      .map(([path, p]) => [path, p._def.type, p._def.meta?.access, p._def.meta?.permission].filter(Boolean).join(" "))
      .sort();
    expect(listed).toEqual(EXPECTED.trim().split("\n"));
  });
});
