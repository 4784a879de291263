// @vitest-environment jsdom
// Staff forms with more than one button, on the kit: the adjustment decision (reject needs a
// reason) and a staff member's row (each button sends its own intent, the role with it).
import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { DecisionControls } from "~/app/(staff)/staff/adjustments/decision-controls";
import { MemberActions } from "~/app/(staff)/staff/members/member-actions";
import { renderMoney } from "../money/render-money";

const actions = vi.hoisted(() => ({ approveAdjustmentAction: vi.fn(), rejectAdjustmentAction: vi.fn(), manageStaffMemberAction: vi.fn() }));
vi.mock("~/app/(staff)/staff/adjustments/actions", () => ({
  approveAdjustmentAction: actions.approveAdjustmentAction,
  rejectAdjustmentAction: actions.rejectAdjustmentAction,
}));
vi.mock("~/app/(staff)/staff/members/actions", () => ({ manageStaffMemberAction: actions.manageStaffMemberAction }));
vi.mock("next/navigation", () => ({ useRouter: () => ({ refresh: vi.fn(), push: vi.fn() }) }));

beforeEach(() => Object.values(actions).forEach((fn) => fn.mockReset()));

const member = { id: 9, name: "Kim", role: "SUPPORT" as const, enabled: true, otpEnabled: false, passwordSet: true, activeSessions: 1 };

describe("staff forms with several buttons", { timeout: 30_000 }, () => {
  it("a rejection needs a reason; then it is sent with it and said", async () => {
    const user = userEvent.setup();
    actions.rejectAdjustmentAction.mockResolvedValue({ ok: true, value: "REJECTED" });
    renderMoney(<DecisionControls requestId="r-1" label="deposit of 10.00 USD" />, {});
    await user.click(screen.getByRole("button", { name: "Reject: deposit of 10.00 USD" }));
    await waitFor(() => expect(screen.getByLabelText("Reason for rejecting")).toHaveAttribute("aria-invalid", "true"));
    expect(actions.rejectAdjustmentAction).not.toHaveBeenCalled();
    await user.type(screen.getByLabelText("Reason for rejecting"), "Duplicate request");
    await user.click(screen.getByRole("button", { name: "Reject: deposit of 10.00 USD" }));
    expect(await screen.findByText("Rejected. Nothing was moved.")).toBeVisible();
    expect(actions.rejectAdjustmentAction).toHaveBeenCalledWith("r-1", { reason: "Duplicate request" });
    expect(actions.approveAdjustmentAction).not.toHaveBeenCalled();
  });

  it("a member's row: each button sends its intent with the chosen role; nothing to reset, no button", async () => {
    const user = userEvent.setup();
    actions.manageStaffMemberAction.mockImplementation(async (_previous: unknown, data: FormData) => ({ ok: true, value: { intent: data.get("intent") } }));
    renderMoney(<MemberActions member={member} />, {});
    expect(screen.getByRole("button", { name: "Reset the two-factor sign-in of Kim" })).toBeDisabled();
    await user.selectOptions(screen.getByLabelText("Role of Kim"), "FINANCE");
    await user.click(screen.getByRole("button", { name: "Change the role of Kim" }));
    expect(await screen.findByText("The role of Kim has been changed.")).toBeVisible();
    const sent = actions.manageStaffMemberAction.mock.calls[0]![1] as FormData;
    expect([sent.get("staffId"), sent.get("intent"), sent.get("role")]).toEqual(["9", "changeRole", "FINANCE"]);
    await user.click(screen.getByRole("button", { name: "End the sessions of Kim" }));
    expect(await screen.findByText("Kim is signed out everywhere.")).toBeVisible();
    expect((actions.manageStaffMemberAction.mock.calls[1]![1] as FormData).get("intent")).toBe("endSessions");
  });
});
