// @vitest-environment jsdom
import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { DepositForm } from "~/app/money/deposit/deposit-form";
import { callsTo, refusal, renderMoney } from "./render-money";

const push = vi.fn();
vi.mock("next/navigation", () => ({ useRouter: () => ({ push, refresh: vi.fn() }) }));

const ACCOUNTS = [
  { id: 7, login: 100007, caption: "Live USD", currency: "USD" },
  { id: 9, login: 100009, caption: "Pound wallet", currency: "GBP" },
];
const LIMITS = { USD: { min: "10.00", max: "50000.00" }, GBP: { min: "10.00", max: "40000.00" } };

function setup(answers: Parameters<typeof renderMoney>[1]) {
  const user = userEvent.setup();
  const goTo = vi.fn();
  const view = renderMoney(<DepositForm accounts={ACCOUNTS} limits={LIMITS} initialAccountId="9" goTo={goTo} />, answers);
  return { ...view, user, goTo };
}

describe("the deposit form", { timeout: 30_000 }, () => {
  it("starts on the account it was opened for and shows that currency's limits", async () => {
    const { user } = setup({});
    const account = screen.getByLabelText("Account");
    expect(account).toHaveValue("9");
    expect(screen.getByLabelText("Amount (GBP)")).toHaveAccessibleDescription("Between £10.00 and £40,000.00, with at most two decimals.");
    await user.selectOptions(account, "7");
    expect(screen.getByLabelText("Amount (USD)")).toHaveAccessibleDescription("Between $10.00 and $50,000.00, with at most two decimals.");
  });

  it("sends nothing for an amount the shared schema refuses", async () => {
    const { user, calls } = setup({});
    await user.type(screen.getByLabelText("Amount (GBP)"), "12.345");
    await user.click(screen.getByRole("button", { name: "Continue to payment" }));
    const amount = screen.getByLabelText("Amount (GBP)");
    await waitFor(() => expect(amount).toHaveAttribute("aria-invalid", "true"));
    expect(amount).toHaveAccessibleDescription(/Use at most two decimal places\./);
    expect(calls).toEqual([]);
  });

  it("words a limit refusal next to the amount with the limit from its details, not on top", async () => {
    const { user } = setup({
      "deposits.create": [refusal("LIMIT_EXCEEDED", 409, { fieldCodes: { amount: ["ABOVE_MAXIMUM"] }, details: { limit: "40000.00", currency: "GBP", kind: "maximum" } })],
    });
    await user.type(screen.getByLabelText("Amount (GBP)"), "40000.01");
    await user.click(screen.getByRole("button", { name: "Continue to payment" }));
    const amount = screen.getByLabelText("Amount (GBP)");
    await waitFor(() => expect(amount).toHaveAttribute("aria-invalid", "true"));
    expect(amount).toHaveAccessibleDescription(/The largest amount is £40,000\.00\./);
    expect(amount).toHaveFocus();
    expect(screen.queryByRole("alert")).toBeNull();
    expect(document.body).not.toHaveTextContent("English the screen must not show");
  });

  it("creates the deposit with an idempotency key and goes to the provider's page", async () => {
    const { user, calls, goTo } = setup({
      "deposits.create": [{ value: { id: "d1", status: "AWAITING_PAYMENT", paymentPageUrl: "https://pay.example/p/1?token=t" } }],
    });
    await user.selectOptions(screen.getByLabelText("Account"), "7");
    await user.type(screen.getByLabelText("Amount (USD)"), " 150.5 ");
    await user.click(screen.getByRole("button", { name: "Continue to payment" }));
    await waitFor(() => expect(goTo).toHaveBeenCalledWith("https://pay.example/p/1?token=t"));
    const [create] = callsTo(calls, "deposits.create");
    expect(create!.input).toEqual({ accountId: 7, amount: "150.5", idempotencyKey: expect.stringMatching(/^[\x21-\x7e]{8,128}$/) });
    // Leaving: the button stays disabled and says so.
    expect(screen.getByRole("button", { name: "Taking you to the payment page…" })).toBeDisabled();
  });

  it("keeps the key while a fault is retried with the same values, so one deposit is made", async () => {
    const { user, calls } = setup({
      "deposits.create": [refusal("PAYMENT_PROVIDER_NOT_AVAILABLE", 503), { value: { id: "d1", status: "AWAITING_PAYMENT", paymentPageUrl: "https://pay.example/p/1" } }],
    });
    await user.type(screen.getByLabelText("Amount (GBP)"), "20");
    await user.click(screen.getByRole("button", { name: "Continue to payment" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("Our payment provider is not answering right now.");
    await user.click(screen.getByRole("button", { name: "Continue to payment" }));
    await waitFor(() => expect(callsTo(calls, "deposits.create")).toHaveLength(2));
    const [first, second] = callsTo(calls, "deposits.create") as Array<{ input: { idempotencyKey: string } }>;
    expect(second!.input.idempotencyKey).toBe(first!.input.idempotencyKey);
  });

  it("goes to the deposit's own page when there is nothing left to pay", async () => {
    push.mockClear();
    const { user, goTo } = setup({ "deposits.create": [{ value: { id: "d2", status: "CREDITED", paymentPageUrl: null } }] });
    await user.type(screen.getByLabelText("Amount (GBP)"), "20");
    await user.click(screen.getByRole("button", { name: "Continue to payment" }));
    await waitFor(() => expect(push).toHaveBeenCalledWith("/money/deposits/d2"));
    expect(goTo).not.toHaveBeenCalled();
  });
});
