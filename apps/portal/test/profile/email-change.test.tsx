// @vitest-environment jsdom
import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { EmailChange } from "~/app/(account)/profile/email-change";
import { PhoneChange } from "~/app/(account)/profile/phone-change";
import { refusal, renderMoney } from "../money/render-money";

vi.mock("next/navigation", () => ({ useRouter: () => ({ push: vi.fn(), refresh: vi.fn() }) }));

describe("the profile's e-mail and phone changes", { timeout: 30_000 }, () => {
  it("asks for the password inline, sends the request again, then takes the code; a wrong code lands on the code field", async () => {
    const user = userEvent.setup();
    const { calls } = renderMoney(<EmailChange email="ada@example.com" verified pending={null} />, {
      "profile.requestEmailChange": [
        refusal("REAUTH_REQUIRED", 401),
        { value: { sent: true, newEmail: "ada@new.example", expiresAt: "2026-01-01T00:10:00.000Z" } },
      ],
      "session.reauthenticate": [{ value: { reauthenticatedUntil: "2026-01-01T00:05:00.000Z" } }],
      "profile.confirmEmailChange": [refusal("CODE_INVALID", 400), { value: { changed: true, email: "ada@new.example" } }],
    });
    expect(screen.getByText(/Your e-mail address is ada@example.com\./)).toBeVisible();
    await user.type(screen.getByLabelText("New e-mail address"), " Ada@New.example ");
    await user.click(screen.getByRole("button", { name: "Send a code to the new address" }));

    await user.type(await screen.findByLabelText("Your password"), "my password");
    await user.click(screen.getByRole("button", { name: "Confirm and continue" }));
    expect(await screen.findByText("We sent a 6-digit code to ada@new.example. It expires in 10 minutes.")).toBeVisible();

    const code = screen.getByLabelText("Code from the e-mail");
    await user.type(code, "123456");
    await user.click(screen.getByRole("button", { name: "Change my e-mail address" }));
    await waitFor(() => expect(code).toHaveAttribute("aria-invalid", "true"));

    await user.clear(code);
    await user.type(code, "654321");
    await user.click(screen.getByRole("button", { name: "Change my e-mail address" }));
    expect(await screen.findByText(/Your e-mail address is now ada@new.example\. Use it to sign in\./)).toBeVisible();
    expect(calls.map((c) => [c.path, c.input])).toEqual([
      ["profile.requestEmailChange", { newEmail: "Ada@New.example" }], // trimmed by the shared schema; the server lowers the case
      ["session.reauthenticate", { password: "my password" }],
      ["profile.requestEmailChange", { newEmail: "Ada@New.example" }],
      ["profile.confirmEmailChange", { code: "123456" }],
      ["profile.confirmEmailChange", { code: "654321" }],
    ]);
  });

  it("on STEP_UP_REQUIRED shows the shared confirmation; the e-mailed code goes with the same request, then the code form follows", async () => {
    const user = userEvent.setup();
    const challengeId = "0b9a5a43-7a3c-4c53-9f0e-2a1c7f6f1c11";
    const { calls } = renderMoney(<EmailChange email="ada@example.com" verified pending={null} />, {
      "profile.requestEmailChange": [
        refusal("STEP_UP_REQUIRED", 403, { details: { channels: ["email"], challengeId } }),
        { value: { sent: true, newEmail: "ada@new.example", expiresAt: "2026-01-01T00:10:00.000Z" } },
      ],
      "stepUp.send": [{ value: { channel: "email", sent: true, destination: "a•••@example.com", expiresAt: "2026-01-01T00:05:00.000Z", resendAfterSeconds: 30 } }],
    });
    await user.type(screen.getByLabelText("New e-mail address"), "ada@new.example");
    await user.click(screen.getByRole("button", { name: "Send a code to the new address" }));
    const prompt = await screen.findByRole("form", { name: "Confirm this operation" });
    expect(screen.queryByLabelText("New e-mail address")).toBeNull();
    await user.click(screen.getByRole("button", { name: "Send code" }));
    expect(await screen.findByText("Code sent to a•••@example.com.")).toBeVisible();
    await user.type(screen.getByLabelText("Confirmation code"), "123456");
    await user.click(screen.getByRole("button", { name: "Confirm" }));
    expect(await screen.findByText("We sent a 6-digit code to ada@new.example. It expires in 10 minutes.")).toBeVisible();
    expect(prompt).not.toBeInTheDocument();
    expect(calls.map((c) => [c.path, c.input])).toEqual([
      ["profile.requestEmailChange", { newEmail: "ada@new.example" }],
      ["stepUp.send", { challengeId, channel: "email" }],
      ["profile.requestEmailChange", { newEmail: "ada@new.example", stepUp: { challengeId, code: "123456" } }],
    ]);
  });

  it("sends the phone number as typed without separators, in E.164, and shows a country refusal on the field", async () => {
    const user = userEvent.setup();
    const { calls } = renderMoney(<PhoneChange phone={null} verified={false} smsOtpEnabled={false} pending={null} />, {
      "profile.requestPhoneChange": [refusal("INVALID_DATA", 400, { fieldCodes: { phone: ["COUNTRY_NOT_SUPPORTED"] } })],
    });
    expect(screen.getByText("You have no phone number on file.")).toBeVisible();
    const phone = screen.getByLabelText("New phone number");
    await user.type(phone, "+1 (202) 555-0123");
    await user.click(screen.getByRole("button", { name: "Send a code to the new number" }));
    await waitFor(() => expect(phone).toHaveAttribute("aria-invalid", "true"));
    expect(calls.map((c) => [c.path, c.input])).toEqual([["profile.requestPhoneChange", { phone: "+12025550123" }]]);
  });
});
