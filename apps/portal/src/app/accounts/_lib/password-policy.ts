// The trading password policy (issue #7), as the server checks it: 8 to 16 printable
// characters with a lowercase letter, an uppercase letter and a digit.

export const PASSWORD_RULES = ["length", "lower", "upper", "digit"] as const;
export type PasswordRule = (typeof PASSWORD_RULES)[number];

export function checkPasswordRules(password: string): Record<PasswordRule, boolean> {
  return {
    length: password.length >= 8 && password.length <= 16,
    lower: /[a-z]/.test(password),
    upper: /[A-Z]/.test(password),
    digit: /\d/.test(password),
  };
}

/** Every rule, and nothing but printable ASCII without spaces. */
export function meetsPasswordPolicy(password: string): boolean {
  const rules = checkPasswordRules(password);
  return PASSWORD_RULES.every((rule) => rules[rule]) && /^[\x21-\x7e]+$/.test(password);
}
