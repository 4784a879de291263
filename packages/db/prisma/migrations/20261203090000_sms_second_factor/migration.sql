-- Text messages as a second factor (issue 16). `otpEnabled` keeps meaning "an authenticator
-- app is set up"; `smsOtpEnabled` means sign-in also takes a 6-digit code sent to the
-- verified phone. Either one on is "two-factor on" (seed 002's otp_enabled = 1).
ALTER TABLE "Customer" ADD COLUMN "smsOtpEnabled" BOOLEAN NOT NULL DEFAULT false;
