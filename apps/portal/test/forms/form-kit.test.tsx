// @vitest-environment jsdom
// The form kit itself (components/forms), with a small form of its own: what a customer
// sees for the client's checks, a server's refusals, and the attempt keys a retry keeps.
import { amountField } from "@brokerage/validators";
import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { NextIntlClientProvider } from "next-intl";
import { render } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { AmountField, CheckboxField, Form, RadioGroupField, SelectField, SubmitButton, useZodForm } from "~/components/forms";
import { planRefusal, refusalFieldCodes } from "~/components/forms/refusal";
import messages from "../../messages/en";

const schema = z.strictObject({
  amount: amountField,
  currency: z.enum(["EUR", "USD"]),
  kind: z.enum(["demo", "real"]),
  agreed: z.literal(true, { error: "Accept the terms" }),
});

type Outcome = { throws: unknown } | { returns: unknown };

function Probe({ outcomes, seen }: { outcomes: Outcome[]; seen: Array<{ values: unknown; attemptKey: string }> }) {
  const form = useZodForm(schema, { amount: "", currency: "EUR", kind: "demo", agreed: false } as never);
  return (
    <Form
      form={form}
      onSubmit={async (values, { attemptKey }) => {
        seen.push({ values, attemptKey });
        const outcome = outcomes.shift();
        if (outcome && "throws" in outcome) throw outcome.throws;
        return outcome?.returns;
      }}
    >
      <AmountField name="amount" label="Amount (EUR)" hint="Like 150.00" />
      <SelectField name="currency" label="Currency">
        <option value="EUR">Euro</option>
        <option value="USD">US dollar</option>
      </SelectField>
      <RadioGroupField
        name="kind"
        legend="Kind of account"
        options={[
          { value: "demo", label: "Demo" },
          { value: "real", label: "Real" },
        ]}
      />
      <CheckboxField name="agreed" label="I accept the terms" />
      <SubmitButton label="Send" pendingLabel="Sending…" />
    </Form>
  );
}

function setup(outcomes: Outcome[] = []) {
  const seen: Array<{ values: unknown; attemptKey: string }> = [];
  const user = userEvent.setup();
  render(
    <NextIntlClientProvider locale="en" messages={messages} timeZone="UTC">
      <Probe outcomes={outcomes} seen={seen} />
    </NextIntlClientProvider>,
  );
  return { user, seen, amount: screen.getByLabelText("Amount (EUR)"), agreed: screen.getByLabelText("I accept the terms"), send: screen.getByRole("button", { name: "Send" }) };
}

const trpcRefusal = (appCode: string, httpStatus: number, fieldCodes: Record<string, string[]> | null = null) => ({
  message: "English",
  data: { appCode, httpStatus, fieldErrors: null, fieldCodes, details: null },
});

describe("the form kit's fields", () => {
  it("words the shared schema's codes from the catalog, keeps the hint, focuses the first problem", async () => {
    const { user, seen, amount, agreed, send } = setup();
    await user.type(amount, "12.345");
    await user.click(send);

    expect(seen).toEqual([]);
    expect(amount).toHaveAttribute("aria-invalid", "true");
    expect(amount).toHaveAccessibleDescription("Like 150.00 Use at most two decimal places.");
    expect(amount).toHaveFocus();
    expect(agreed).toHaveAttribute("aria-invalid", "true");
    expect(agreed).toHaveAccessibleDescription("Choose one of the options offered.");
    expect(screen.getByRole("radiogroup", { name: "Kind of account" })).toBeInTheDocument();
    // Fixed on the fly once the customer corrects it.
    await user.clear(amount);
    await user.type(amount, "12.34");
    await waitFor(() => expect(amount).not.toHaveAttribute("aria-invalid"));
  });

  it("sends the parsed values once they pass", async () => {
    const { user, seen, amount, agreed, send } = setup([{ returns: { ok: true, value: null } }]);
    await user.type(amount, " 150.5 ");
    await user.click(agreed);
    await user.selectOptions(screen.getByLabelText("Currency"), "USD");
    await user.click(screen.getByLabelText("Real"));
    await user.click(send);
    await waitFor(() => expect(seen).toHaveLength(1));
    expect(seen[0]!.values).toEqual({ amount: "150.5", currency: "USD", kind: "real", agreed: true });
    expect(screen.queryByRole("alert")).toBeNull();
  });
});

describe("the form kit's refusals and attempt keys", () => {
  async function fillAndSend(ctx: ReturnType<typeof setup>) {
    if (!(ctx.agreed as HTMLInputElement).checked) await ctx.user.click(ctx.agreed);
    if (!(ctx.amount as HTMLInputElement).value) await ctx.user.type(ctx.amount, "10.00");
    await ctx.user.click(ctx.send);
  }

  it("reads a server action's ActionResult refusal like a tRPC error", async () => {
    const ctx = setup([{ returns: { ok: false, error: { data: { appCode: "INSUFFICIENT_FUNDS", fieldErrors: null, fieldCodes: { amount: ["INSUFFICIENT_FUNDS"] }, details: null } } } }]);
    await fillAndSend(ctx);
    await waitFor(() => expect(ctx.amount).toHaveAccessibleDescription("Like 150.00 The available balance does not cover this amount."));
    expect(ctx.amount).toHaveFocus();
  });

  it("keeps the attempt key while a fault is retried, and starts a new one after a refusal", async () => {
    const ctx = setup([
      { throws: trpcRefusal("CORE_NOT_AVAILABLE", 503) },
      { throws: new TypeError("Failed to fetch") },
      { throws: trpcRefusal("INSUFFICIENT_FUNDS", 409, { amount: ["INSUFFICIENT_FUNDS"] }) },
      { returns: undefined },
    ]);
    await fillAndSend(ctx);
    await screen.findByRole("alert");
    expect(screen.getByRole("alert")).toHaveTextContent("Our trading system is not answering right now.");
    await ctx.user.click(ctx.send);
    await waitFor(() => expect(ctx.seen).toHaveLength(2));
    await waitFor(() => expect(screen.getByRole("alert")).toHaveTextContent("Something went wrong. Please try again."));
    await ctx.user.click(ctx.send);
    await waitFor(() => expect(ctx.seen).toHaveLength(3));
    await waitFor(() => expect(ctx.amount).toHaveAttribute("aria-invalid", "true"));
    // The same amount, sent again after a refusal, is a new attempt.
    await ctx.user.click(ctx.send);
    await waitFor(() => expect(ctx.seen).toHaveLength(4));
    const keys = ctx.seen.map((s) => s.attemptKey);
    expect(keys[1]).toBe(keys[0]);
    expect(keys[2]).toBe(keys[0]);
    expect(keys[3]).not.toBe(keys[0]);
    await waitFor(() => expect(screen.queryByRole("alert")).toBeNull());
  });

  it("gives other values a new attempt key", async () => {
    const ctx = setup([{ throws: trpcRefusal("INTERNAL_ERROR", 500) }, { returns: undefined }]);
    await fillAndSend(ctx);
    await screen.findByRole("alert");
    await ctx.user.clear(ctx.amount);
    await ctx.user.type(ctx.amount, "11.00");
    await ctx.user.click(ctx.send);
    await waitFor(() => expect(ctx.seen).toHaveLength(2));
    expect(ctx.seen[1]!.attemptKey).not.toBe(ctx.seen[0]!.attemptKey);
  });
});

describe("planRefusal", () => {
  const has = (name: string) => ["email", "password", "address"].includes(name.split(".")[0]!);

  it("puts field codes on the form's fields and keeps the alert", () => {
    const plan = planRefusal({ error: trpcRefusal("INVALID_DATA", 400, { email: ["INVALID_FORMAT"], other: ["REQUIRED"] }), hasField: has, hasReference: false });
    expect(plan).toEqual({ fields: [{ name: "email", code: "INVALID_FORMAT" }], alert: true });
  });

  it("moves a domain code that names a field there, unless there is a reference to quote", () => {
    const fieldOfCode = { PASSWORD_TOO_WEAK: "password" };
    const error = trpcRefusal("PASSWORD_TOO_WEAK", 409);
    expect(planRefusal({ error, hasField: has, fieldOfCode, hasReference: false })).toEqual({
      fields: [{ name: "password", code: "DOMAIN", appCode: "PASSWORD_TOO_WEAK" }],
      alert: false,
    });
    expect(planRefusal({ error, hasField: has, fieldOfCode, hasReference: true }).alert).toBe(true);
  });

  it("puts a key the form names otherwise on that field (fieldOfPath), once", () => {
    const fieldOfPath = (key: string) => (key === "document.expiryDate" ? "expiryDate" : key.startsWith("files.") ? "files.0" : undefined);
    const error = trpcRefusal("INVALID_DATA", 400, {
      "document.expiryDate": ["DOCUMENT_EXPIRED"],
      "files.0": ["FILE_TYPE"],
      "files.0.contentBase64": ["TOO_LONG"],
      email: ["REQUIRED"],
      other: ["REQUIRED"],
    });
    expect(planRefusal({ error, hasField: has, fieldOfPath, hasReference: false }).fields).toEqual([
      { name: "expiryDate", code: "DOCUMENT_EXPIRED" },
      { name: "files.0", code: "FILE_TYPE" },
      { name: "email", code: "REQUIRED" },
    ]);
  });

  it("reads unknown codes as INVALID and English-only field errors as INVALID", () => {
    expect(refusalFieldCodes({ data: { fieldCodes: { email: ["SOMETHING_NEW"] }, fieldErrors: { phone: ["Bad"] } } })).toEqual({
      email: ["INVALID"],
      phone: ["INVALID"],
    });
    expect(refusalFieldCodes(new Error("x"))).toEqual({});
  });
});
