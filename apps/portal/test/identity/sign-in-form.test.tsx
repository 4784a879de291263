// @vitest-environment jsdom
// The sign-in form's second step: a wrong code's sentence says where the code came from (a
// text message or a recovery code), not always "your authenticator app".
import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { SignInForm } from "~/app/(identity)/sign-in/sign-in-form";
import { renderMoney } from "../money/render-money";

const action = vi.hoisted(() => ({ signInAction: vi.fn() }));
vi.mock("~/app/actions/sign-in", () => action);

const refused = (appCode: string, details: Record<string, unknown> | null = null) => ({
  ok: false,
  error: { data: { appCode, fieldErrors: null, fieldCodes: null, details } },
});
const OTP_REQUIRED = refused("OTP_REQUIRED", {
  otpChannels: ["sms", "totp", "recovery"],
  otpDefaultChannel: "sms",
  smsSent: true,
  smsSentTo: "+49•••••4567",
});

beforeEach(() => action.signInAction.mockReset());

async function toCodeStep() {
  const user = userEvent.setup();
  renderMoney(<SignInForm next="/accounts" />, {});
  await user.type(screen.getByLabelText("E-mail address"), "ada@example.com");
  await user.type(screen.getByLabelText("Password"), "a long password");
  await user.click(screen.getByRole("button", { name: "Sign in" }));
  return user;
}

describe("the sign-in form's code step", { timeout: 30_000 }, () => {
  it("says a wrong SMS code is from the text message, on the code field", async () => {
    action.signInAction.mockResolvedValueOnce(OTP_REQUIRED).mockResolvedValueOnce(refused("INVALID_OTP_CODE"));
    const user = await toCodeStep();
    const code = await screen.findByLabelText("Code from the text message");
    await user.type(code, "123456");
    await user.click(screen.getByRole("button", { name: "Sign in" }));
    await waitFor(() => expect(code).toHaveAttribute("aria-invalid", "true"));
    expect(code).toHaveAccessibleDescription(/Enter the code from the latest text message we sent you\./);
    expect(document.body).not.toHaveTextContent("authenticator app");
    expect(action.signInAction).toHaveBeenLastCalledWith({ email: "ada@example.com", password: "a long password", otpCode: "123456", otpChannel: "sms", next: "/accounts" });
  });

  it("keeps the authenticator app's sentence for an app code", async () => {
    action.signInAction.mockResolvedValueOnce(refused("OTP_REQUIRED", { otpChannels: ["totp", "recovery"] })).mockResolvedValueOnce(refused("INVALID_OTP_CODE"));
    const user = await toCodeStep();
    const code = await screen.findByLabelText("Authentication code");
    await user.type(code, "123456");
    await user.click(screen.getByRole("button", { name: "Sign in" }));
    await waitFor(() => expect(code).toHaveAttribute("aria-invalid", "true"));
    expect(code).toHaveAccessibleDescription(/Enter the current code from your authenticator app\./);
  });
});
