// `pnpm staff:create --email … --role … [--name …]`: creates a staff member with no
// usable password and prints a single-use enrolment link (24 h) where they set their
// password; at their first sign-in they enrol TOTP. This is how the first ADMIN is made
// in any environment (outside development no staff exists). Uses DATABASE_URL (already
// migrated) and PORTAL_BASE_URL for the link.
import { createStaffMember, getDomainError, STAFF_ENROLMENT_LINK_MS } from "@brokerage/api";
import { createPrismaClient } from "@brokerage/db";
import { scriptEnv } from "./env";
import { parseStaffCreateArgs } from "./staff-create-args";

async function main(): Promise<number> {
  let args;
  try {
    args = parseStaffCreateArgs(process.argv.slice(2));
  } catch (error) {
    console.error((error as Error).message);
    return 2;
  }
  if (!scriptEnv.DATABASE_URL) {
    console.error("DATABASE_URL is not set: point it at the portal's (migrated) database");
    return 2;
  }
  const db = createPrismaClient(scriptEnv.DATABASE_URL, { max: 1 });
  try {
    const { staff, link } = await db.$transaction((tx) =>
      createStaffMember(
        tx,
        { ...args, createdById: null, now: new Date() },
        { requestId: "staff-create-cli", ip: null, userAgent: "pnpm staff:create" },
      ),
    );
    console.log(`Created staff member ${staff.email} (${staff.role}), id ${staff.id}.`);
    console.log(
      `Single-use enrolment link (valid ${STAFF_ENROLMENT_LINK_MS / 3600_000} hours, until ${link.expiresAt.toISOString()}):`,
    );
    console.log(link.url);
    console.log(
      "Give it to them privately: there they set their password; their first sign-in enrols an authenticator app.",
    );
    return 0;
  } catch (error) {
    const domain = getDomainError(error);
    if (domain) {
      console.error(`Refused: ${domain.code}: ${domain.message}`);
      return 1;
    }
    throw error;
  } finally {
    await db.$disconnect();
  }
}

process.exitCode = await main();
