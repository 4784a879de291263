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
  /** E-mail or phone changes one customer asks for (key `customerId:channel`): each sends a code. */
  contactChange: { points: 5, durationSeconds: 60 * 60 },
  /**
   * Changes to one new e-mail address or number, whoever asks: each sends it a code or a
   * notice, so nobody floods someone else's inbox from many accounts.
   */
  contactChangeByTarget: { points: 5, durationSeconds: DAY },
  /** Second-factor SMS codes (sign-in, setup, step-up) of one customer and use: one a minute (the resend cool-down). */
  smsCodeCooldown: { points: 1, durationSeconds: 60 },
  /** Second-factor SMS codes sent to one customer, whatever the number: 10 a day (on top of the SMS budgets). */
  smsCodeByAccount: { points: 10, durationSeconds: DAY },
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
  /** Step-up confirmations asked for by one customer (each is a row; the operations are throttled too). */
  stepUpChallenge: { points: 30, durationSeconds: 10 * 60 },
  /** Step-up codes sent by SMS or e-mail to one customer (besides the per-challenge cool-down and the SMS budget). */
  stepUpSend: { points: 5, durationSeconds: 10 * 60 },
  /**
   * Wrong step-up codes (SMS, e-mail) of one customer across challenges: a new challenge
   * brings no new guesses. TOTP codes count in `otpAttempts`.
   */
  stepUpCodeAttempts: { points: 10, durationSeconds: 60 * 60 },
  /** Trading-password wizard codes e-mailed to one customer. */
  tradingPasswordCode: { points: 5, durationSeconds: 10 * 60 },
  /** Trading-password restores of one account: each sets a new password in the core. */
  tradingPasswordRestore: { points: 3, durationSeconds: 60 * 60 },
  /** Data exports of one customer (DATA_EXPORT_LIMIT_PER_DAY, default 5 a day): each reads everything. */
  dataExport: { points: env.DATA_EXPORT_LIMIT_PER_DAY, durationSeconds: DAY },
  /** Conversion quotes of one customer: each asks the rate source and stores a row. */
  conversionQuote: { points: 30, durationSeconds: 60 },
  /** New deposits of one customer: each asks the payment provider for a payment page. */
  depositCreate: { points: 20, durationSeconds: 60 * 60 },
  /** CSV exports of one customer's money history (each reads up to 10,000 rows). */
  historyExport: { points: 10, durationSeconds: 10 * 60 },
  /** New monthly statements of one customer (each reads a month and renders a PDF); kept ones are not counted. */
  statementGeneration: { points: 20, durationSeconds: 10 * 60 },
} as const satisfies Record<string, { points: number; durationSeconds: number }>;

export type RateLimitName = keyof typeof RATE_LIMIT_POLICIES;
