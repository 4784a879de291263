// @vitest-environment jsdom
// The staff forms on the kit: the shared schemas check before the server action runs, and a
// refusal (the portal's one ActionResult) is worded from the catalog by its codes.
import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { AdjustmentForm } from "~/app/(staff)/staff/adjustments/adjustment-form";
import { CreateCustomerForm } from "~/app/(staff)/staff/customers/create-customer-form";
import { renderMoney } from "../money/render-money";

const actions = vi.hoisted(() => ({ requestAdjustmentAction: vi.fn(), createCustomerAction: vi.fn() }));
vi.mock("~/app/(staff)/staff/adjustments/actions", () => ({ requestAdjustmentAction: actions.requestAdjustmentAction }));
vi.mock("~/app/(staff)/staff/customers/actions", () => ({ createCustomerAction: actions.createCustomerAction }));

const refusedWith = (appCode: string, fieldCodes: Record<string, string[]>) => ({
  ok: false,
  error: { data: { appCode, fieldErrors: Object.fromEntries(Object.keys(fieldCodes).map((f) => [f, ["English the screen must not show"]])), fieldCodes, details: null } },
});

beforeEach(() => {
  actions.requestAdjustmentAction.mockReset();
  actions.createCustomerAction.mockReset();
});

describe("the balance adjustment form", { timeout: 30_000 }, () => {
  it("sends nothing for a bad amount or a missing reason", async () => {
    const user = userEvent.setup();
    renderMoney(<AdjustmentForm defaultAccountId="12" />, {});
    await user.type(screen.getByLabelText("Amount"), "10.005");
    await user.click(screen.getByRole("button", { name: "Request adjustment" }));
    await waitFor(() => expect(screen.getByLabelText("Amount")).toHaveAccessibleDescription(/Use at most two decimal places\./));
    expect(screen.getByLabelText("Reason")).toHaveAttribute("aria-invalid", "true");
    expect(actions.requestAdjustmentAction).not.toHaveBeenCalled();
  });

  it("sends the parsed values with the kit's key and words a refusal's field code", async () => {
    const user = userEvent.setup();
    actions.requestAdjustmentAction.mockResolvedValueOnce(refusedWith("INVALID_DATA", { amount: ["ABOVE_MAXIMUM"] }));
    actions.requestAdjustmentAction.mockResolvedValueOnce({ ok: true, value: { requestId: "r", status: "PENDING", amount: "2500.00", currency: "USD", login: 100012, balance: null } });
    renderMoney(<AdjustmentForm defaultAccountId="12" />, {});
    await user.selectOptions(screen.getByLabelText("Type"), "withdrawal");
    await user.type(screen.getByLabelText("Amount"), "2500.00");
    await user.type(screen.getByLabelText("Reason"), "wire 42");
    await user.click(screen.getByRole("button", { name: "Request adjustment" }));
    await waitFor(() => expect(screen.getByLabelText("Amount")).toHaveAccessibleDescription(/This amount is above the largest one allowed\./));
    expect(screen.getByRole("alert")).toHaveTextContent("Some of the information you entered is not valid.");
    expect(document.body).not.toHaveTextContent("English the screen must not show");
    const [first] = actions.requestAdjustmentAction.mock.calls[0]!;
    expect(first).toMatchObject({ accountId: 12, type: "withdrawal", amount: "2500.00", comment: "wire 42" });

    await user.click(screen.getByRole("button", { name: "Request adjustment" }));
    expect(await screen.findByRole("status")).toHaveTextContent("Request made: 2500.00 USD on account 100012 waits for approval");
    // A refusal ended the first attempt: the second one has a key of its own.
    const [second] = actions.requestAdjustmentAction.mock.calls[1]!;
    expect(second.idempotencyKey).not.toBe(first.idempotencyKey);
  });
});

describe("the create-customer form", { timeout: 30_000 }, () => {
  it("checks the shared schema (SMS needs a phone) and sends typed numbers and channels", async () => {
    const user = userEvent.setup();
    actions.createCustomerAction.mockResolvedValueOnce({ ok: true, value: { customerId: 5, email: "new@example.com" } });
    renderMoney(<CreateCustomerForm />, {});
    await user.type(screen.getByLabelText("E-mail address"), "new@example.com");
    await user.type(screen.getByLabelText("First name"), "Nia");
    await user.type(screen.getByLabelText("Last name"), "New");
    await user.click(screen.getByLabelText("SMS"));
    await user.type(screen.getByLabelText("Desk ID (optional)"), "x1");
    await user.click(screen.getByRole("button", { name: "Create customer" }));
    await waitFor(() => expect(screen.getByLabelText("Desk ID (optional)")).toHaveAttribute("aria-invalid", "true"));
    expect(screen.getByRole("group", { name: "Channels for confirmation codes" })).toHaveAttribute("aria-invalid", "true");
    expect(actions.createCustomerAction).not.toHaveBeenCalled();

    await user.clear(screen.getByLabelText("Desk ID (optional)"));
    await user.type(screen.getByLabelText("Desk ID (optional)"), "3");
    await user.type(screen.getByLabelText("Phone (optional)"), "+357 12 345 678");
    await user.click(screen.getByRole("button", { name: "Create customer" }));
    expect(await screen.findByRole("status")).toHaveTextContent("Customer new@example.com created");
    expect(actions.createCustomerAction).toHaveBeenCalledWith({
      email: "new@example.com",
      firstName: "Nia",
      lastName: "New",
      phone: "+35712345678",
      preferredLanguage: undefined,
      deskId: 3,
      managerId: undefined,
      tanChannels: ["sms"],
      conversionRateClass: undefined,
    });
  });
});
