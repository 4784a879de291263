-- SMS as a second factor (issue 16): the 6-digit codes of a sign-in and of turning the
-- factor on live in "VerificationCode" like every other code, under purposes of their own
-- (so a code sent for one use never works for another); and the factor a customer with
-- both an authenticator app and text messages is asked for first.
ALTER TYPE "CodePurpose" ADD VALUE 'SMS_SIGN_IN';
ALTER TYPE "CodePurpose" ADD VALUE 'SMS_FACTOR_SETUP';

CREATE TYPE "SecondFactorKind" AS ENUM ('TOTP', 'SMS');
ALTER TABLE "Customer" ADD COLUMN "defaultSecondFactor" "SecondFactorKind";
