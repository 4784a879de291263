import { env } from "../env";

const DAY = 24 * 60 * 60;

/** How many tries each guessable or abusable operation gets, and over what window. */
export const RATE_LIMIT_POLICIES = {
  /** Sign-ups from one client address (SIGNUP_LIMIT_PER_ADDRESS, default 20 an hour). */
  signUpByAddress: { points: env.SIGNUP_LIMIT_PER_ADDRESS, durationSeconds: 60 * 60 },
  /** Sign-ups giving one phone number (SIGNUP_LIMIT_PER_PHONE, default 10 a day). */
  signUpByPhone: { points: env.SIGNUP_LIMIT_PER_PHONE, durationSeconds: DAY },
  /** SMS to one number (SMS_LIMIT_PER_NUMBER, default 5 a day): SMS pumping costs money. */
  smsByNumber: { points: env.SMS_LIMIT_PER_NUMBER, durationSeconds: DAY },
  /** SMS caused from one client address (SMS_LIMIT_PER_ADDRESS, default 20 a day). */
  smsByAddress: { points: env.SMS_LIMIT_PER_ADDRESS, durationSeconds: DAY },
  /**
   * Failed logins for one e-mail address from one client address: the low ceiling that
   * stops a guesser without touching the owner elsewhere (ASVS 6.3.1).
   */
  loginByAccountAddress: { points: 5, durationSeconds: 15 * 60 },
  /**
   * Failed logins for one e-mail address from anywhere, in growing windows: 10 in 15
   * minutes, 20 in an hour, 50 in a day (each tier is a longer wait). A known device
   * (auth/known-devices.ts) is not held by these, so a distributed guesser cannot lock
   * the owner out of a browser that signed in before.
   */
  loginByAccount: { points: 10, durationSeconds: 15 * 60 },
  loginByAccountHour: { points: 20, durationSeconds: 60 * 60 },
  loginByAccountDay: { points: 50, durationSeconds: 24 * 60 * 60 },
  /** Failed logins through one known-device token (its own counter, whatever the address). */
  loginByDevice: { points: 5, durationSeconds: 15 * 60 },
  /** Failed logins from one client address, across accounts. */
  loginByAddress: { points: 30, durationSeconds: 15 * 60 },
  /** Sending a new e-mail or SMS code to the same customer. */
  codeResend: { points: 3, durationSeconds: 10 * 60 },
  /** Asking for a password-reset code for one e-mail address. */
  passwordResetByAccount: { points: 3, durationSeconds: 15 * 60 },
  /**
   * Password-reset codes tried for one e-mail address, across every code sent to it (a new
   * code does not bring new tries): 10 a day. When it trips, the owner gets an e-mail.
   */
  passwordResetCodeByAccount: { points: 10, durationSeconds: 24 * 60 * 60 },
  /** Asking for password-reset codes from one client address. */
  passwordResetByAddress: { points: 20, durationSeconds: 15 * 60 },
  /** Wrong TOTP codes for one customer, wherever they are entered (issue: 5 in 15 minutes). */
  otpAttempts: { points: 5, durationSeconds: 15 * 60 },
  /** Wrong passwords when a signed-in customer re-authenticates (session.reauthenticate). */
  reauthPassword: { points: 5, durationSeconds: 15 * 60 },
  /** Wrong current passwords when a signed-in customer changes it. */
  passwordChange: { points: 5, durationSeconds: 15 * 60 },
  /** Wrong TOTP or recovery codes of one staff member, at sign-in and enrolment. */
  staffOtpAttempts: { points: 5, durationSeconds: 15 * 60 },
  /** Trading-password wizard codes e-mailed to one customer. */
  tradingPasswordCode: { points: 5, durationSeconds: 10 * 60 },
  /** Trading-password restores of one account: each sets a new password in the core. */
  tradingPasswordRestore: { points: 3, durationSeconds: 60 * 60 },
} as const satisfies Record<string, { points: number; durationSeconds: number }>;

export type RateLimitName = keyof typeof RATE_LIMIT_POLICIES;
