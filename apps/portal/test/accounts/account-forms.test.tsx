// @vitest-environment jsdom
// The account screens' forms on the kit: the shared schemas decide before anything is sent,
// the server's field codes are worded from the catalog (never its English), and the
// idempotency key comes from the kit.
import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import type { Account } from "~/app/accounts/[id]/account-data";
import type { StartedFlow } from "~/app/accounts/[id]/password-wizard-flow";
import { NewPasswordStep } from "~/app/accounts/[id]/password-wizard-password";
import { CodeStep } from "~/app/accounts/[id]/password-wizard-code";
import { RenameControl } from "~/app/accounts/[id]/rename-control";
import { TransferForm } from "~/app/accounts/[id]/transfer-form";
import { OpenGroupForm } from "~/app/accounts/open/open-group-form";
import { callsTo, refusal, renderMoney } from "../money/render-money";

const push = vi.fn();
vi.mock("next/navigation", () => ({ useRouter: () => ({ push, refresh: vi.fn() }) }));

const ACCOUNT = { id: 7, login: 100007, caption: "real-usd", customCaption: false, group: "real-usd", currency: "USD" } as unknown as Account;
const LIST = {
  items: [
    { id: 7, login: 100007, caption: "real-usd" },
    { id: 9, login: 100009, caption: "wallet-usd" },
  ],
};
const FLOW = { uuid: "0b7e8a5e-3f8e-4d36-9d0c-6c1b0f1f2a11", data: { recipient: { email: "a***@example.com" }, expiredAt: "2026-01-01T10:30:00Z" } } as unknown as StartedFlow;
const ENGLISH = "English the screen must not show";

describe("the transfer form", { timeout: 30_000 }, () => {
  it("sends nothing for an amount the shared schema refuses", async () => {
    const user = userEvent.setup();
    const { calls } = renderMoney(<TransferForm account={ACCOUNT} />, { "accounts.list": [{ value: LIST }] });
    const amount = await screen.findByLabelText("Amount in USD");
    await user.type(amount, "34.567");
    await user.click(screen.getByRole("button", { name: "Transfer" }));
    await waitFor(() => expect(amount).toHaveAttribute("aria-invalid", "true"));
    expect(amount).toHaveAccessibleDescription(/Enter an amount more than zero, with at most two decimals\./);
    expect(callsTo(calls, "accounts.transfer")).toEqual([]);
  });

  it("never offers the account money comes from as the destination", async () => {
    const user = userEvent.setup();
    renderMoney(<TransferForm account={ACCOUNT} />, { "accounts.list": [{ value: LIST }] });
    const from = await screen.findByLabelText("From");
    expect(screen.getByLabelText("To")).toHaveValue("9");
    await user.selectOptions(from, "9");
    await waitFor(() => expect(screen.getByLabelText("To")).toHaveValue("7"));
    expect([...(screen.getByLabelText("To") as HTMLSelectElement).options].map((o) => o.value)).toEqual(["7"]);
  });

  it("words a lack of money at the amount with the available balance from the details, not on top", async () => {
    const user = userEvent.setup();
    renderMoney(<TransferForm account={ACCOUNT} />, {
      "accounts.list": [{ value: LIST }],
      "accounts.transfer": [refusal("INSUFFICIENT_FUNDS", 409, { fieldCodes: { amount: ["INSUFFICIENT_FUNDS"] }, details: { available: "12.50" } })],
    });
    const amount = await screen.findByLabelText("Amount in USD");
    await user.type(amount, "50");
    await user.click(screen.getByRole("button", { name: "Transfer" }));
    await waitFor(() => expect(amount).toHaveAttribute("aria-invalid", "true"));
    expect(amount).toHaveAccessibleDescription(/available: \$12\.50/);
    expect(amount).toHaveFocus();
    expect(screen.queryByRole("alert")).toBeNull();
    expect(document.body).not.toHaveTextContent(ENGLISH);
  });

  it("moves the money with the kit's idempotency key and says so", async () => {
    const user = userEvent.setup();
    const { calls } = renderMoney(<TransferForm account={ACCOUNT} />, {
      "accounts.list": [{ value: LIST }],
      "accounts.transfer": [{ value: { amount: "34.56", currency: "USD" } }],
      "accounts.live": [{ value: null }],
    });
    await user.type(await screen.findByLabelText("Amount in USD"), "34.56");
    await user.click(screen.getByRole("button", { name: "Transfer" }));
    expect(await screen.findByText("$34.56 moved from real-usd (100007) to wallet-usd (100009).")).toBeVisible();
    const [sent] = callsTo(calls, "accounts.transfer");
    expect(sent!.input).toMatchObject({ fromAccountId: 7, toAccountId: 9, amount: "34.56" });
    expect((sent!.input as { idempotencyKey: string }).idempotencyKey).toMatch(/^[\w-]{16,}$/);
    expect(screen.getByLabelText("Amount in USD")).toHaveValue("");
  });
});

describe("renaming an account", { timeout: 30_000 }, () => {
  it("refuses an empty name here and words the server's code on the field", async () => {
    const user = userEvent.setup();
    const { calls } = renderMoney(<RenameControl account={ACCOUNT} />, {
      "accounts.update": [refusal("INVALID_DATA", 400, { fieldCodes: { caption: ["INVALID_CHARACTERS"] } })],
    });
    await user.click(screen.getByRole("button", { name: "Rename" }));
    const caption = screen.getByLabelText("Account name");
    expect(caption).toHaveFocus();
    await user.clear(caption);
    await user.click(screen.getByRole("button", { name: "Save name" }));
    await waitFor(() => expect(caption).toHaveAccessibleDescription("Enter a name for the account."));
    expect(callsTo(calls, "accounts.update")).toEqual([]);

    await user.type(caption, "Swing trades");
    await user.click(screen.getByRole("button", { name: "Save name" }));
    await waitFor(() => expect(caption).toHaveAccessibleDescription(/without line breaks or control characters/));
    expect(callsTo(calls, "accounts.update")[0]!.input).toEqual({ accountId: 7, caption: "Swing trades" });
    expect(document.body).not.toHaveTextContent(ENGLISH);
  });
});

describe("the trading password wizard", { timeout: 30_000 }, () => {
  const ref = { current: null };

  it("checks the code's format here and puts a wrong code's sentence on the field", async () => {
    const user = userEvent.setup();
    const onConfirmed = vi.fn();
    const { calls } = renderMoney(
      <CodeStep headingRef={ref} account={ACCOUNT} flow={FLOW} typeLabel="main password" onResend={async () => {}} onConfirmed={onConfirmed} onCancel={() => {}} />,
      { "accounts.passwordWizard.confirm": [refusal("CODE_INVALID", 400)] },
    );
    const code = screen.getByLabelText("Code from the e-mail");
    await user.type(code, "12ab");
    await user.click(screen.getByRole("button", { name: "Confirm code" }));
    await waitFor(() => expect(code).toHaveAccessibleDescription(/Enter the 6 digits from the e-mail\./));
    expect(calls).toEqual([]);
    await user.clear(code);
    await user.type(code, "123456");
    await user.click(screen.getByRole("button", { name: "Confirm code" }));
    await waitFor(() => expect(code).toHaveAccessibleDescription(/That code is wrong or has already been used\./));
    expect(screen.queryByRole("alert")).toBeNull();
    expect(onConfirmed).not.toHaveBeenCalled();
    expect(calls[0]!.input).toEqual({ accountId: 7, flowId: FLOW.uuid, code: "123456" });
  });

  it("checks the policy and the repeat here, and words the server's MUST_DIFFER", async () => {
    const user = userEvent.setup();
    const onChanged = vi.fn();
    const { calls } = renderMoney(<NewPasswordStep headingRef={ref} account={ACCOUNT} flow={FLOW} typeLabel="main password" onChanged={onChanged} onCancel={() => {}} />, {
      "accounts.passwordWizard.change": [refusal("PASSWORD_POLICY", 409, { fieldCodes: { password: ["MUST_DIFFER"] } }), { value: { ok: true } }],
    });
    const password = screen.getByLabelText("New password");
    const repeat = screen.getByLabelText("Repeat the new password");
    await user.type(password, "lowercase1");
    await user.type(repeat, "lowercase2");
    await user.click(screen.getByRole("button", { name: "Change password" }));
    await waitFor(() => expect(password).toHaveAccessibleDescription(/Use 8 to 16 characters/));
    expect(calls).toEqual([]);

    await user.clear(password);
    await user.type(password, "Fresh2Trade");
    await user.clear(repeat);
    await user.type(repeat, "Fresh2Trade!");
    await user.click(screen.getByRole("button", { name: "Change password" }));
    await waitFor(() => expect(repeat).toHaveAccessibleDescription("The two passwords are not the same."));
    expect(calls).toEqual([]);

    await user.clear(repeat);
    await user.type(repeat, "Fresh2Trade");
    await user.click(screen.getByRole("button", { name: "Change password" }));
    await waitFor(() => expect(password).toHaveAccessibleDescription("The main and investor passwords must be different."));
    expect(screen.queryByRole("alert")).toBeNull();
    expect(onChanged).not.toHaveBeenCalled();

    await user.click(screen.getByRole("button", { name: "Change password" }));
    await waitFor(() => expect(onChanged).toHaveBeenCalledTimes(1));
    expect(calls.at(-1)!.input).toEqual({ accountId: 7, flowId: FLOW.uuid, password: "Fresh2Trade", passwordConfirmation: "Fresh2Trade" });
  });
});

describe("the opening form of a group", { timeout: 30_000 }, () => {
  const DEMO = {
    name: "demo-usd",
    kind: "TRADING",
    accountMode: "DEMO",
    currency: "USD",
    leverage: 100,
    allowedLeverages: [100, 200],
    leverageCap: null,
    maxStartAmount: "100000.00",
    defaultDeposit: "10000.00",
  } as unknown as Parameters<typeof OpenGroupForm>[0]["group"];

  it("checks the start amount against the group's ceiling before sending", async () => {
    const user = userEvent.setup();
    const { calls } = renderMoney(<OpenGroupForm group={DEMO} onOpened={() => {}} />, {});
    const amount = screen.getByLabelText("Starting balance in USD (optional)");
    await user.type(amount, "100000.01");
    await user.click(screen.getByRole("button", { name: "Open account" }));
    await waitFor(() => expect(amount).toHaveAttribute("aria-invalid", "true"));
    expect(amount).toHaveAccessibleDescription(/The starting balance can be at most \$100,000\.00\./);
    expect(calls).toEqual([]);
  });

  it("opens with the chosen leverage and start amount, and hands the dialog the password", async () => {
    const user = userEvent.setup();
    const onOpened = vi.fn();
    const opened = { accountId: 3, login: 100003, kind: "TRADING", accountMode: "DEMO", currency: "USD", temporaryPassword: "Xy3abcdEFGhk" };
    const { calls } = renderMoney(<OpenGroupForm group={DEMO} onOpened={onOpened} />, { "accounts.open": [{ value: opened }] });
    await user.selectOptions(screen.getByLabelText("Leverage"), "200");
    await user.type(screen.getByLabelText("Starting balance in USD (optional)"), "2500.50");
    await user.click(screen.getByRole("button", { name: "Open account" }));
    await waitFor(() => expect(onOpened).toHaveBeenCalledWith({ ...opened, depositFollows: false }));
    expect(calls[0]!.input).toMatchObject({ group: "demo-usd", leverage: 200, startAmount: "2500.50" });
  });

  it("takes the customer to identity verification on KYC_REQUIRED", async () => {
    const user = userEvent.setup();
    push.mockClear();
    renderMoney(<OpenGroupForm group={{ ...DEMO, allowedLeverages: [100] }} onOpened={() => {}} />, { "accounts.open": [refusal("KYC_REQUIRED", 403)] });
    await user.click(screen.getByRole("button", { name: "Open account" }));
    expect(await screen.findByText(/Taking you to identity verification/)).toBeVisible();
    expect(push).toHaveBeenCalledWith(`/kyc?returnTo=${encodeURIComponent("/accounts/open?group=demo-usd")}`);
    expect(screen.queryByRole("alert")).toBeNull();
  });
});
