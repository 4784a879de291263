-- The profile page (issue 15): changing the e-mail address or the phone number. A change is
-- a VerificationCode of its own purpose whose `target` is the new address or number; the
-- customer's row changes only when the code sent there comes back.
ALTER TYPE "CodePurpose" ADD VALUE 'EMAIL_CHANGE';
ALTER TYPE "CodePurpose" ADD VALUE 'PHONE_CHANGE';
