// The arguments of `pnpm staff:create`, checked before anything touches the database.
import type { StaffRole } from "@brokerage/db";

const ROLES: readonly StaffRole[] = ["ADMIN", "KYC_REVIEWER", "SUPPORT", "FINANCE"];

export interface StaffCreateArgs {
  email: string;
  role: StaffRole;
  name: string;
}

export const STAFF_CREATE_USAGE =
  "usage: pnpm staff:create --email <e-mail> --role <ADMIN|KYC_REVIEWER|SUPPORT|FINANCE> [--name <full name>]";

/** `--email a@b --role ADMIN --name "A B"` (or `--email=a@b`); throws with the usage on anything else. */
export function parseStaffCreateArgs(argv: readonly string[]): StaffCreateArgs {
  const values = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "--") continue;
    const match = /^--(email|role|name)(?:=(.*))?$/.exec(arg);
    if (!match) throw new Error(`unknown argument ${JSON.stringify(arg)}\n${STAFF_CREATE_USAGE}`);
    const value = match[2] ?? argv[++i];
    if (value === undefined || value.startsWith("--"))
      throw new Error(`--${match[1]} needs a value\n${STAFF_CREATE_USAGE}`);
    values.set(match[1]!, value.trim());
  }
  const email = values.get("email")?.toLowerCase() ?? "";
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email))
    throw new Error(`--email must be an e-mail address\n${STAFF_CREATE_USAGE}`);
  const role = values.get("role")?.toUpperCase() as StaffRole | undefined;
  if (!role || !ROLES.includes(role))
    throw new Error(`--role must be one of ${ROLES.join(", ")}\n${STAFF_CREATE_USAGE}`);
  const name = values.get("name") || email.split("@")[0]!;
  if (name.length > 100) throw new Error("--name is at most 100 characters");
  return { email, role, name };
}
