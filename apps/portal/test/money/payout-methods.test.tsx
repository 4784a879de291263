// @vitest-environment jsdom
import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { PayoutMethods } from "~/app/money/withdraw/payout-methods";
import { callsTo, refusal, renderMoney } from "./render-money";

vi.mock("next/navigation", () => ({ useRouter: () => ({ push: vi.fn(), refresh: vi.fn() }) }));

const SAVED = { id: "6f1c2d3e-4a5b-4c6d-8e7f-0123456789ab", ibanMasked: "DE•• •••• 3000", bic: "COBADEFFXXX", holderName: "Ada Lovelace", createdAt: "2026-01-01T00:00:00.000Z" };
const ADDED = { ...SAVED, id: "7f1c2d3e-4a5b-4c6d-8e7f-0123456789ab", ibanMasked: "FR•• •••• 0189" };

describe("the saved bank accounts", { timeout: 30_000 }, () => {
  it("prefills the holder with the customer's name and, after the password asked for inline, adds the account", async () => {
    const user = userEvent.setup();
    const onAdded = vi.fn();
    const { calls } = renderMoney(<PayoutMethods holderName="Ada Lovelace" onAdded={onAdded} />, {
      "payoutMethods.list": [{ value: [] }, { value: [ADDED] }],
      "payoutMethods.add": [refusal("REAUTH_REQUIRED", 401), { value: ADDED }],
      "session.reauthenticate": [{ value: { reauthenticatedUntil: "2026-01-01T00:05:00.000Z" } }],
    });
    const form = await screen.findByRole("form", { name: "Add a bank account" });
    expect(screen.getByText("No saved bank accounts.")).toBeVisible();
    expect(screen.getByLabelText("Account holder")).toHaveValue("Ada Lovelace");
    await user.type(screen.getByLabelText("IBAN"), "FR14 2004 1010 0505 0001 3M02 606");
    await user.type(screen.getByLabelText("BIC (SWIFT code)"), "PSSTFRPPXXX");
    await user.click(screen.getByRole("button", { name: "Add bank account" }));

    await user.type(await screen.findByLabelText("Your password"), "my password");
    await user.click(screen.getByRole("button", { name: "Confirm and continue" }));
    expect(await screen.findByText("Bank account FR•• •••• 0189 added.")).toBeVisible();
    expect(onAdded).toHaveBeenCalledWith(ADDED.id);
    expect(callsTo(calls, "payoutMethods.add").map((c) => c.input)).toEqual([
      { iban: "FR14 2004 1010 0505 0001 3M02 606", bic: "PSSTFRPPXXX", holderName: "Ada Lovelace" },
      { iban: "FR14 2004 1010 0505 0001 3M02 606", bic: "PSSTFRPPXXX", holderName: "Ada Lovelace" },
    ]);
    await waitFor(() => expect(screen.getByLabelText("IBAN")).toHaveValue(""));
    expect(form).toBeInTheDocument();
  });

  it("puts the server's IBAN, BIC and name codes on their fields", async () => {
    const user = userEvent.setup();
    renderMoney(<PayoutMethods holderName="Ada Lovelace" onAdded={vi.fn()} />, {
      "payoutMethods.list": [{ value: [] }],
      "payoutMethods.add": [refusal("INVALID_DATA", 400, { fieldCodes: { iban: ["INVALID_IBAN"], bic: ["INVALID_BIC"], holderName: ["NAME_MISMATCH"] } })],
    });
    const iban = await screen.findByLabelText("IBAN");
    await user.type(iban, "DE00 1234");
    await user.type(screen.getByLabelText("BIC (SWIFT code)"), "NOPE");
    await user.clear(screen.getByLabelText("Account holder"));
    await user.type(screen.getByLabelText("Account holder"), "Somebody Else");
    await user.click(screen.getByRole("button", { name: "Add bank account" }));
    await waitFor(() => expect(iban).toHaveAttribute("aria-invalid", "true"));
    expect(iban).toHaveAccessibleDescription(/This is not a valid IBAN\./);
    expect(screen.getByLabelText("BIC (SWIFT code)")).toHaveAccessibleDescription(/This is not a valid BIC/);
    expect(screen.getByLabelText("Account holder")).toHaveAccessibleDescription(/must be in your own name/);
    expect(iban).toHaveFocus();
  });

  it("removes a saved account (named in its button) and says so", async () => {
    const user = userEvent.setup();
    const { calls } = renderMoney(<PayoutMethods holderName="Ada Lovelace" onAdded={vi.fn()} />, {
      "payoutMethods.list": [{ value: [SAVED] }, { value: [] }],
      "payoutMethods.remove": [{ value: { removed: true } }],
    });
    await user.click(await screen.findByRole("button", { name: "Remove bank account DE•• •••• 3000" }));
    expect(await screen.findByText("The bank account DE•• •••• 3000 was removed.")).toBeVisible();
    expect(callsTo(calls, "payoutMethods.remove")[0]!.input).toEqual({ payoutMethodId: SAVED.id });
    await waitFor(() => expect(screen.getByText("No saved bank accounts.")).toBeVisible());
  });
});
