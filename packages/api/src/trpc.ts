// tRPC init: the context, the error formatter and the procedure builders. The raw `t`
// is not exported: every procedure is built from the builders below.
import { initTRPC } from "@trpc/server";
import type { Context } from "./context";
import { assertStorableText, DomainError, domainToTRPCError, toDomainError } from "./errors";
import { resolveCustomerSession, resolveStaffSession } from "./session/resolve-session";
import {
  ENROLMENT_PERMISSION,
  hasPermission,
  type StaffPermission,
  type StaffProcedurePermission,
} from "./staff-auth/permissions";

/**
 * Who may call a procedure. Each builder below sets it, so every procedure carries it and
 * test/kyc/access-walk.test.ts can prove each guard without a hand-kept list.
 */
export type ProcedureAccess = "public" | "customer" | "staff";
export interface ProcedureMeta {
  access: ProcedureAccess;
  /**
   * Staff procedures only: what the caller's role must grant (staff-auth/permissions.ts),
   * or `staff:enrol` for the enrolment procedures of a member without TOTP yet.
   */
  permission?: StaffProcedurePermission;
}

const t = initTRPC.context<Context>().meta<ProcedureMeta>().create({
  // Never a stack trace in a response, in any environment.
  isDev: false,
  errorFormatter({ shape, error, ctx }) {
    // Errors raised before any procedure ran (an unknown path, a broken batch, a failing
    // context) have no domain cause yet: they get one here, by the same mapping.
    const domain =
      error.cause instanceof DomainError ? error.cause : toDomainError(error, ctx?.request.requestId ?? "none");
    return {
      message: domain.message,
      code: shape.code,
      data: {
        code: shape.data.code,
        httpStatus: domain.httpStatus,
        path: shape.data.path,
        appCode: domain.code,
        fieldErrors: domain.fieldErrors ?? null,
        fieldCodes: domain.fieldCodes ?? null,
        details: domain.details ?? null,
      },
    };
  },
});

/**
 * The one place errors are converted: whatever a procedure (or its input schema, or an
 * auth check) threw becomes a TRPCError whose `cause` is a DomainError.
 */
const errorConversion = t.middleware(async ({ ctx, next, path, getRawInput }) => {
  const result = await next();
  if (result.ok) return result;
  // The raw input tells a missing field (REQUIRED) from one of the wrong type in `fieldCodes`.
  const input = await getRawInput().catch(() => undefined);
  const domain = toDomainError(result.error, ctx.request.requestId, input);
  if (domain.code === "INTERNAL_ERROR") {
    ctx.logger.error(
      { err: result.error.cause ?? result.error, path, requestId: ctx.request.requestId },
      "unexpected error in procedure",
    );
  }
  return { ...result, error: domainToTRPCError(domain) };
});

/**
 * Text PostgreSQL cannot store (NUL, unpaired surrogates) anywhere in the raw input is
 * INVALID_DATA naming the field, for every procedure and so for the REST facade and the
 * server actions, which call them. Runs last in each builder: authentication first.
 */
const storableText = t.middleware(async ({ getRawInput, next }) => {
  let raw: unknown;
  try {
    raw = await getRawInput();
  } catch {
    return next(); // an unreadable body: the input parser reports it
  }
  assertStorableText(raw);
  return next();
});

export const createTRPCRouter = t.router;
export const createCallerFactory = t.createCallerFactory;

/** Anyone may call. */
const baseProcedure = t.procedure.use(errorConversion);

export const publicProcedure = baseProcedure.meta({ access: "public" }).use(storableText);

/**
 * A signed-in customer. Authentication runs before the input schema is looked at
 * (product.md, Conventions): an anonymous call is 401 whatever its input.
 */
export const customerProcedure = baseProcedure
  .meta({ access: "customer" })
  .use(async ({ ctx, next }) => {
    const session = ctx.customerSession ?? (await resolveCustomerSession(ctx.db, ctx.credential, ctx.clock.now()));
    return next({ ctx: { session } });
  })
  .use(storableText);

/**
 * A signed-in staff member whose role grants `permission`; customers and other roles get
 * 403 FORBIDDEN. There is no staff builder without a permission: each staff procedure
 * says what it needs where it is built (`staffProcedure.requires("kyc:review")`).
 *
 * Staff TOTP is mandatory: a member who has not enrolled yet (first sign-in, or after an
 * ADMIN reset) gets 403 FORBIDDEN from every `requires(...)` procedure, and may call only
 * the `enrolment()` ones, which in turn refuse a member who has enrolled.
 */
export const staffProcedure = {
  requires(permission: StaffPermission) {
    return baseProcedure
      .meta({ access: "staff", permission })
      .use(async ({ ctx, next }) => {
        const staff = await resolveStaffSession(ctx.db, ctx.credential, ctx.clock.now());
        if (!staff.otpEnabled) {
          throw new DomainError("FORBIDDEN", { message: "Set up two-factor authentication first (staff enrolment)" });
        }
        if (!hasPermission(staff.role, permission)) {
          throw new DomainError("FORBIDDEN", { message: `Your staff role does not grant ${permission}` });
        }
        return next({ ctx: { staff } });
      })
      .use(storableText);
  },

  /** The enrolment procedures: any role, only while the member has not enrolled TOTP. */
  enrolment() {
    return baseProcedure
      .meta({ access: "staff", permission: ENROLMENT_PERMISSION })
      .use(async ({ ctx, next }) => {
        const staff = await resolveStaffSession(ctx.db, ctx.credential, ctx.clock.now());
        if (staff.otpEnabled) {
          throw new DomainError("FORBIDDEN", {
            message: "Two-factor authentication is already set up; an administrator can reset it",
          });
        }
        return next({ ctx: { staff } });
      })
      .use(storableText);
  },
};
