// @vitest-environment jsdom
import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { WithdrawalForm } from "~/app/money/withdraw/withdrawal-form";
import { callsTo, refusal, renderMoney } from "./render-money";

vi.mock("next/navigation", () => ({ useRouter: () => ({ push: vi.fn(), refresh: vi.fn() }) }));

const ACCOUNTS = [{ id: 7, login: 100007, caption: "Live USD", currency: "USD" }];
const METHOD = { id: "6f1c2d3e-4a5b-4c6d-8e7f-0123456789ab", ibanMasked: "DE•• •••• 3000", bic: "COBADEFFXXX", holderName: "Ada Lovelace", createdAt: "2026-01-01T00:00:00.000Z" };
const LIMITS = [{ currency: "USD", dailyLimit: "20000.00", usedToday: "500.00", remainingToday: "19500.00", resetsAt: "2026-01-02T00:00:00.000Z" }];
const REQUESTED = {
  id: "w1",
  accountId: 7,
  login: 100007,
  amount: "200.00",
  currency: "USD",
  status: "PENDING",
  destination: { kind: "bank", label: "DE•• •••• 3000 (Ada Lovelace)" },
};

function setup(answers: Parameters<typeof renderMoney>[1], options: { methods?: unknown[] } = {}) {
  const user = userEvent.setup();
  const view = renderMoney(<WithdrawalForm accounts={ACCOUNTS} initialAccountId="7" addedMethodId={null} />, {
    "payoutMethods.list": [{ value: options.methods ?? [METHOD] }],
    "withdrawals.limits": [{ value: LIMITS }],
    "withdrawals.list": [{ value: [] }],
    "accounts.live": [{ value: {} }],
    ...answers,
  });
  return { ...view, user };
}

const amountField = () => screen.findByLabelText("Amount (USD)");

describe("the withdrawal form", { timeout: 30_000 }, () => {
  it("shows what is left of today's limit and sends the chosen bank account with an idempotency key", async () => {
    const { user, calls } = setup({ "withdrawals.request": [{ value: REQUESTED }] });
    const amount = await amountField();
    expect(amount).toHaveAccessibleDescription("Today you can still withdraw $19,500.00 of your daily $20,000.00.");
    expect(screen.getByRole("radio", { name: /DE•• •••• 3000, Ada Lovelace/ })).toBeChecked();
    expect(screen.queryByLabelText("Code from your authenticator app")).toBeNull();

    await user.type(amount, "200");
    await user.click(screen.getByRole("button", { name: "Request withdrawal" }));
    expect(await screen.findByText(/Withdrawal requested: \$200\.00 from account 100007 to DE•• •••• 3000 \(Ada Lovelace\)\./)).toBeVisible();
    expect(callsTo(calls, "withdrawals.request")[0]!.input).toEqual({
      accountId: 7,
      amount: "200",
      payoutMethodId: METHOD.id,
      idempotencyKey: expect.any(String),
    });
    // The amount is cleared for the next one.
    await waitFor(() => expect(amount).toHaveValue(""));
  });

  it("words the daily limit with what is left, next to the amount", async () => {
    const { user } = setup({
      "withdrawals.request": [
        refusal("LIMIT_EXCEEDED", 409, { fieldCodes: { amount: ["DAILY_LIMIT"] }, details: { limit: "20000.00", remaining: "19500.00", currency: "USD", kind: "daily" } }),
      ],
    });
    const amount = await amountField();
    await user.type(amount, "19600");
    await user.click(screen.getByRole("button", { name: "Request withdrawal" }));
    await waitFor(() => expect(amount).toHaveAttribute("aria-invalid", "true"));
    expect(amount).toHaveAccessibleDescription(/This is more than you can still withdraw today: \$19,500\.00 left of \$20,000\.00\./);
    expect(amount).toHaveFocus();
    expect(screen.queryByRole("alert")).toBeNull();
  });

  it("explains the closed loop with the most that can go back to the card now", async () => {
    const { user } = setup({
      "withdrawals.request": [refusal("INVALID_DATA", 400, { fieldCodes: { amount: ["CARD_REFUND_FIRST"] }, details: { max: "150.00", currency: "USD" } })],
    });
    const amount = await amountField();
    await user.type(amount, "200");
    await user.click(screen.getByRole("button", { name: "Request withdrawal" }));
    await waitFor(() => expect(amount).toHaveAttribute("aria-invalid", "true"));
    expect(amount).toHaveAccessibleDescription(/goes back to that card first: you can withdraw at most \$150\.00 now\./);
    expect(document.body).not.toHaveTextContent("English the screen must not show");
  });

  it("on STEP_UP_REQUIRED shows the shared confirmation, and the app's code goes with the same request", async () => {
    const { user, calls } = setup({
      "withdrawals.request": [refusal("STEP_UP_REQUIRED", 403, { details: { channels: ["totp"], challengeId: "0b9a5a43-7a3c-4c53-9f0e-2a1c7f6f1c11" } }), { value: REQUESTED }],
    });
    const amount = await amountField();
    await user.type(amount, "200");
    await user.click(screen.getByRole("button", { name: "Request withdrawal" }));
    const code = await screen.findByLabelText("Confirmation code");
    expect(code).toHaveAccessibleDescription("The 6-digit code your authenticator app shows now.");
    expect(screen.queryByRole("alert")).toBeNull();
    await user.type(code, "123456");
    await user.click(screen.getByRole("button", { name: "Confirm" }));
    await screen.findByText(/Withdrawal requested/);
    const requests = callsTo(calls, "withdrawals.request") as Array<{ input: Record<string, unknown> }>;
    expect(requests).toHaveLength(2);
    expect(requests[0]!.input.stepUp).toBeUndefined();
    expect(requests[1]!.input).toMatchObject({ amount: "200", payoutMethodId: METHOD.id, stepUp: { challengeId: "0b9a5a43-7a3c-4c53-9f0e-2a1c7f6f1c11", code: "123456" } });
    expect(requests[1]!.input.idempotencyKey).toBe(requests[0]!.input.idempotencyKey);
    expect(screen.queryByLabelText("Confirmation code")).toBeNull();
  });

  it("by e-mail: Send code, then a wrong code stays on the code field, then the right one passes", async () => {
    const { user, calls } = setup({
      "withdrawals.request": [
        refusal("STEP_UP_REQUIRED", 403, { details: { channels: ["email"], challengeId: "0b9a5a43-7a3c-4c53-9f0e-2a1c7f6f1c11" } }),
        refusal("CODE_INVALID", 400, { details: { challengeId: "0b9a5a43-7a3c-4c53-9f0e-2a1c7f6f1c11", triesLeft: 4 } }),
        { value: REQUESTED },
      ],
      "stepUp.send": [{ value: { channel: "email", sent: true, destination: "a•••@example.com", expiresAt: "2026-01-01T00:05:00.000Z", resendAfterSeconds: 30 } }],
    });
    await user.type(await amountField(), "200");
    await user.click(screen.getByRole("button", { name: "Request withdrawal" }));
    await user.click(await screen.findByRole("button", { name: "Send code" }));
    expect(await screen.findByText("Code sent to a•••@example.com.")).toBeVisible();
    expect(callsTo(calls, "stepUp.send")).toEqual([{ path: "stepUp.send", input: { challengeId: "0b9a5a43-7a3c-4c53-9f0e-2a1c7f6f1c11", channel: "email" } }]);
    const code = screen.getByLabelText("Confirmation code");
    await user.type(code, "000000");
    await user.click(screen.getByRole("button", { name: "Confirm" }));
    await waitFor(() => expect(code).toHaveAttribute("aria-invalid", "true"));
    await user.clear(code);
    await user.type(code, "123456");
    await user.click(screen.getByRole("button", { name: "Confirm" }));
    await screen.findByText(/Withdrawal requested/);
    expect(callsTo(calls, "withdrawals.request")).toHaveLength(3);
  });

  it("asks for the password inline on REAUTH_REQUIRED, then sends the same withdrawal again", async () => {
    const { user, calls } = setup({
      "withdrawals.request": [refusal("REAUTH_REQUIRED", 401), { value: REQUESTED }],
      "session.reauthenticate": [{ value: { reauthenticatedUntil: "2026-01-01T00:05:00.000Z" } }],
    });
    const amount = await amountField();
    await user.type(amount, "200");
    await user.click(screen.getByRole("button", { name: "Request withdrawal" }));
    const password = await screen.findByLabelText("Your password");
    expect(screen.queryByRole("alert")).toBeNull();
    await user.type(password, "my password");
    await user.click(screen.getByRole("button", { name: "Confirm and continue" }));
    await screen.findByText(/Withdrawal requested/);
    expect(calls.map((c) => c.path).filter((p) => p === "withdrawals.request" || p === "session.reauthenticate")).toEqual([
      "withdrawals.request",
      "session.reauthenticate",
      "withdrawals.request",
    ]);
    expect(screen.queryByLabelText("Your password")).toBeNull();
  });

  it("without a saved bank account says so, and the server's REQUIRED lands in the alert", async () => {
    const { user } = setup({ "withdrawals.request": [refusal("INVALID_DATA", 400, { fieldCodes: { payoutMethodId: ["REQUIRED"] } })] }, { methods: [] });
    const amount = await amountField();
    expect(screen.getByText(/You have no saved bank account yet/)).toBeVisible();
    expect(screen.queryByRole("radio")).toBeNull();
    await user.type(amount, "50");
    await user.click(screen.getByRole("button", { name: "Request withdrawal" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("Some of the information you entered is not valid.");
  });
});
