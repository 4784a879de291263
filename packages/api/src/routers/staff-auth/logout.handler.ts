import type { Context } from "../../context";
import type { StaffSession } from "../../sessions/resolve-session";
import { logoutStaff } from "../../staff-auth/login-staff";

export function logout({ ctx }: { ctx: Context & { staff: StaffSession } }) {
  return logoutStaff(ctx, ctx.staff, ctx.request);
}
