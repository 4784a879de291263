// The examples and error tables of seeds 000 and 002 (/work/shared/seeds), as data the
// contract tests compare the HTTP answers with. The seeds' e-mail addresses were
// obfuscated in the stored pages; `client@example.com` stands in for them.

/** Seed 000 `POST /customer/account/open`. */
export const SEED_000 = {
  request: { group: "demo-usd" },
  response: {
    login: 100001,
    group: "demo-usd",
    brand: "default",
    account_mode: "DEMO",
    currency: "USD",
    leverage: 100,
    temporary_password: "7b4c9d1a2f3e",
    must_change_password: true,
  },
  kycRequired: {
    error: "KYC_REQUIRED",
    message: "Account opening is not allowed for this group",
    kyc_required: true,
    kyc_required_level: 1,
    kyc_status: 2,
    kyc_current_level: 0,
    kyc_profile_id: 1,
  },
  errors: [
    { status: 400, error: "INVALID_DATA", description: "Invalid request body" },
    { status: 400, error: "INVALID_GROUP", description: "Group does not exist" },
    { status: 401, error: "INVALID_CUSTOMER_SESSION", description: "Customer id is missing in session" },
    { status: 403, error: "BRAND_NOT_AVAILABLE", description: "Customer brand is disabled or missing" },
    { status: 403, error: "GROUP_DISABLED", description: "Group is disabled" },
    { status: 403, error: "GROUP_NOT_PUBLIC", description: "Group is not available for self-service opening" },
    { status: 403, error: "GROUP_BRAND_MISMATCH", description: "Group belongs to another brand" },
    { status: 403, error: "DEMO_OPENING_DISABLED", description: "Brand does not allow demo opening" },
    { status: 403, error: "REAL_OPENING_DISABLED", description: "Brand does not allow real opening" },
    { status: 403, error: "KYC_REQUIRED", description: "Real account opening requires approved KYC" },
    { status: 500, error: "CORE_NOT_AVAILABLE", description: "Trading core is not available" },
    { status: 500, error: "ADD_BALANCE_ERROR", description: "Account was created but default balance operation failed" },
  ],
} as const;

const seedAccount = {
  login: 100001,
  customer_id: 1,
  enable: 1,
  leverage: 100,
  group: "standard",
  name: "John Smith",
  email: "client@example.com",
};

/** Seed 002, customer authentication. */
export const SEED_002 = {
  loginRequest: { email: "client@example.com", password: "strong-password", otp_code: "123456" },
  loginResponse: {
    customer_id: 1,
    email: "client@example.com",
    full_name: "John Smith",
    first_name: "John",
    last_name: "Smith",
    status: 0,
    phone: "+35700000000",
    preferred_language: "en",
    brand: "default",
    desk_id: 1,
    manager_id: 10,
    last_login_time: 1777600000,
    otp_enabled: 1,
    accounts: [seedAccount],
    __token: "...",
  },
  account: seedAccount,
  sessionAccounts: { accounts: [seedAccount] },
  otpSetup: {
    otp_url:
      "otpauth://totp/ION%20Trader:client%40example.com?secret=JBSWY3DPEHPK3PXP&issuer=ION%20Trader&algorithm=SHA1&digits=6&period=30",
    secret: "JBSWY3DPEHPK3PXP",
    algorithm: "SHA1",
    digits: 6,
    period: 30,
  },
  otpEnableRequest: { secret: "JBSWY3DPEHPK3PXP", code: "123456", current_code: "654321" },
  otpEnableResponse: { otp_enabled: 1 },
  otpCheckRequest: { code: "123456" },
  otpCheckResponse: { data: "OK" },
  otpDisableRequest: { code: "123456" },
  otpDisableResponse: { otp_enabled: 0 },
  errors: [
    { status: 400, error: "INVALID_DATA", description: "Invalid request body" },
    { status: 403, error: "CUSTOMER_NOT_FOUND_OR_INCORRECT", description: "Email or password is incorrect" },
    { status: 403, error: "CUSTOMER_DISABLED", description: "Customer is disabled" },
    { status: 403, error: "OTP_REQUIRED", description: "OTP is enabled and otp_code was not provided" },
    { status: 403, error: "INVALID_OTP_CODE", description: "OTP code is invalid" },
    { status: 403, error: "OTP_NOT_CONFIGURED", description: "OTP is enabled but secret is missing" },
  ],
} as const;

export type SeedErrorRow = (typeof SEED_000.errors)[number] | (typeof SEED_002.errors)[number];

/** The seed's row of a code. */
export function seedRow(code: string): SeedErrorRow {
  const row = [...SEED_000.errors, ...SEED_002.errors].find((r) => r.error === code);
  if (!row) throw new Error(`no seed row for ${code}`);
  return row;
}

/**
 * The same keys, and for each key of the seed's example a value of the same JSON type
 * (arrays compared by their first element). `additive` names the keys the API adds.
 */
export function expectShape(actual: unknown, seed: unknown, additive: readonly string[] = [], path = "$"): string[] {
  const problems: string[] = [];
  const kind = (v: unknown) => (v === null ? "null" : Array.isArray(v) ? "array" : typeof v);
  if (kind(actual) !== kind(seed)) return [`${path}: ${kind(actual)} instead of ${kind(seed)}`];
  if (Array.isArray(seed) && Array.isArray(actual)) {
    if (seed.length > 0 && actual.length > 0) problems.push(...expectShape(actual[0], seed[0], [], `${path}[0]`));
    return problems;
  }
  if (kind(seed) === "object") {
    const a = actual as Record<string, unknown>;
    const s = seed as Record<string, unknown>;
    const expected = [...Object.keys(s), ...additive].sort();
    const got = Object.keys(a).sort();
    if (JSON.stringify(expected) !== JSON.stringify(got)) {
      problems.push(`${path}: keys ${JSON.stringify(got)} instead of ${JSON.stringify(expected)}`);
    }
    for (const key of Object.keys(s)) {
      if (key in a) problems.push(...expectShape(a[key], s[key], [], `${path}.${key}`));
    }
  }
  return problems;
}
