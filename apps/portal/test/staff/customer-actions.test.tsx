// @vitest-environment jsdom
// The staff customer page's forms on the kit: the support form's two buttons each send
// their own action with the reason; the shared schemas check before anything is sent.
import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { CategoryAction, ManageActions, SupportActions } from "~/app/(staff)/staff/customers/[id]/customer-actions";
import { renderMoney } from "../money/render-money";

const actions = vi.hoisted(() => ({
  endSessionsAction: vi.fn(),
  resetTwoFactorAction: vi.fn(),
  assignCustomerAction: vi.fn(),
  setCustomerStatusAction: vi.fn(),
  setClientCategoryAction: vi.fn(),
}));
vi.mock("~/app/(staff)/staff/customers/actions", () => actions);
vi.mock("next/navigation", () => ({ useRouter: () => ({ refresh: vi.fn(), push: vi.fn() }) }));

beforeEach(() => Object.values(actions).forEach((fn) => fn.mockReset()));

describe("the staff customer page's forms", { timeout: 30_000 }, () => {
  it("support: no reason, nothing sent; each button sends its own action with the reason", async () => {
    const user = userEvent.setup();
    actions.resetTwoFactorAction.mockResolvedValue({ ok: true, value: { customerId: 7 } });
    actions.endSessionsAction.mockResolvedValue({ ok: true, value: { customerId: 7, endedSessions: 2 } });
    renderMoney(<SupportActions customerId={7} />, {});
    await user.click(screen.getByRole("button", { name: "Reset two-factor authentication" }));
    await waitFor(() => expect(screen.getByLabelText("Reason (for the audit trail)")).toHaveAttribute("aria-invalid", "true"));
    expect(actions.resetTwoFactorAction).not.toHaveBeenCalled();

    await user.type(screen.getByLabelText("Reason (for the audit trail)"), "  Lost phone; identity checked  ");
    await user.click(screen.getByRole("button", { name: "Reset two-factor authentication" }));
    expect(await screen.findByText("Two-factor authentication was turned off; the customer can set it up again.")).toBeVisible();
    expect(actions.resetTwoFactorAction).toHaveBeenCalledWith(7, { reason: "Lost phone; identity checked" });
    expect(actions.endSessionsAction).not.toHaveBeenCalled();

    await user.click(screen.getByRole("button", { name: "Sign the customer out everywhere" }));
    expect(await screen.findByText("All the customer's sessions were ended.")).toBeVisible();
    expect(actions.endSessionsAction).toHaveBeenCalledWith(7, { reason: "Lost phone; identity checked" });
  });

  it("manage: desk and manager as numbers, empty clears; letters are refused before sending", async () => {
    const user = userEvent.setup();
    actions.assignCustomerAction.mockResolvedValue({ ok: true, value: {} });
    renderMoney(<ManageActions customerId={7} deskId={3} managerId={null} status={0} />, {});
    const manager = screen.getByLabelText("Manager's staff ID");
    await user.type(manager, "x1");
    await user.click(screen.getByRole("button", { name: "Save desk and manager" }));
    await waitFor(() => expect(manager).toHaveAttribute("aria-invalid", "true"));
    expect(actions.assignCustomerAction).not.toHaveBeenCalled();
    await user.clear(manager);
    await user.clear(screen.getByLabelText("Desk ID"));
    await user.type(manager, "12");
    await user.click(screen.getByRole("button", { name: "Save desk and manager" }));
    await waitFor(() => expect(actions.assignCustomerAction).toHaveBeenCalledWith(7, { deskId: null, managerId: 12 }));
  });

  it("category: evidence of at least 10 characters, then the chosen category is sent", async () => {
    const user = userEvent.setup();
    actions.setClientCategoryAction.mockResolvedValue({ ok: true, value: {} });
    renderMoney(<CategoryAction customerId={7} category="RETAIL" />, {});
    const evidence = screen.getByRole("textbox", { name: /evidence/i });
    await user.type(evidence, "too short");
    await user.click(screen.getByRole("button", { name: /save/i }));
    await waitFor(() => expect(evidence).toHaveAttribute("aria-invalid", "true"));
    expect(actions.setClientCategoryAction).not.toHaveBeenCalled();
    await user.type(evidence, " but now it is long enough");
    await user.click(screen.getByRole("button", { name: /save/i }));
    await waitFor(() =>
      expect(actions.setClientCategoryAction).toHaveBeenCalledWith(7, { category: "PROFESSIONAL", evidence: "too short but now it is long enough" }),
    );
  });
});
