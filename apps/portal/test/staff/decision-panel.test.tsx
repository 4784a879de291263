// @vitest-environment jsdom
// The reviewer's decision: the rejection reason is checked with the shared schema before the
// action runs; refusals are worded by their codes.
import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { DecisionPanel } from "~/app/(staff)/staff/kyc/[id]/decision-panel";
import { renderMoney } from "../money/render-money";

const refresh = vi.fn();
vi.mock("next/navigation", () => ({ useRouter: () => ({ push: vi.fn(), refresh }) }));
const actions = vi.hoisted(() => ({ approveSubmissionAction: vi.fn(), rejectSubmissionAction: vi.fn() }));
vi.mock("~/app/(staff)/staff/kyc/[id]/actions", () => actions);

const refused = (appCode: string, fieldCodes: Record<string, string[]> | null = null) => ({
  ok: false,
  error: { data: { appCode, fieldErrors: fieldCodes && Object.fromEntries(Object.keys(fieldCodes).map((f) => [f, ["English the screen must not show"]])), fieldCodes, details: null } },
});

beforeEach(() => {
  actions.approveSubmissionAction.mockReset();
  actions.rejectSubmissionAction.mockReset();
  refresh.mockReset();
});

describe("the KYC decision panel", { timeout: 30_000 }, () => {
  it("asks for a reason before rejecting, then rejects with it", async () => {
    const user = userEvent.setup();
    actions.rejectSubmissionAction.mockResolvedValueOnce({ ok: true, value: "REJECTED" });
    renderMoney(<DecisionPanel submissionId={4} level={1} pending />, {});
    await user.click(screen.getByRole("button", { name: "Reject" }));
    const reason = screen.getByRole("textbox", { name: "Reason for the customer" });
    await waitFor(() => expect(reason).toHaveFocus());
    expect(reason).toHaveAccessibleDescription(/Write the reason for the customer\./);
    expect(actions.rejectSubmissionAction).not.toHaveBeenCalled();

    await user.type(reason, "  The passport photo is blurred.  ");
    await user.click(screen.getByRole("button", { name: "Reject" }));
    await waitFor(() => expect(screen.getByText("Rejected. The customer has been told by e-mail, with your reason.")).toBeVisible());
    expect(actions.rejectSubmissionAction).toHaveBeenCalledWith(4, "The passport photo is blurred.");
    expect(refresh).toHaveBeenCalled();
  });

  it("approves, says so, and refreshes the page", async () => {
    const user = userEvent.setup();
    actions.approveSubmissionAction.mockResolvedValueOnce({ ok: true, value: "APPROVED" });
    renderMoney(<DecisionPanel submissionId={4} level={1} pending />, {});
    await user.click(screen.getByRole("button", { name: "Approve" }));
    await waitFor(() => expect(screen.getByRole("status")).toHaveTextContent("Approved. The customer has been told by e-mail."));
    expect(actions.approveSubmissionAction).toHaveBeenCalledWith(4);
    expect(screen.queryByRole("button", { name: "Approve" })).toBeNull();
    expect(refresh).toHaveBeenCalledTimes(1);
  });

  it("says when the reviewer is the customer, and when a colleague decided first", async () => {
    const user = userEvent.setup();
    actions.approveSubmissionAction.mockResolvedValueOnce(refused("FORBIDDEN"));
    actions.approveSubmissionAction.mockResolvedValueOnce(refused("INVALID_DATA", { submissionId: ["ALREADY_DECIDED"] }));
    renderMoney(<DecisionPanel submissionId={4} level={1} pending />, {});
    await user.click(screen.getByRole("button", { name: "Approve" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("You cannot decide on your own verification.");
    await user.click(screen.getByRole("button", { name: "Approve" }));
    await waitFor(() => expect(screen.getByRole("alert")).toHaveTextContent("This submission has already been decided"));
    expect(refresh).toHaveBeenCalledTimes(1);
    expect(document.body).not.toHaveTextContent("English the screen must not show");
  });
});
