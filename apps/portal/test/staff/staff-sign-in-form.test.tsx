// @vitest-environment jsdom
// The staff sign-in form on the form kit: the code step on OTP_REQUIRED (keeping e-mail and
// password), a wrong code on the code field, staff's own sentences in the alert.
import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { StaffSignInForm } from "~/app/(staff)/staff/sign-in/staff-sign-in-form";
import { renderMoney } from "../money/render-money";

const action = vi.hoisted(() => ({ staffSignInAction: vi.fn() }));
vi.mock("~/app/(staff)/staff/sign-in/actions", () => action);

const refused = (appCode: string) => ({ ok: false, error: { data: { appCode, fieldErrors: null, fieldCodes: null, details: null } } });

beforeEach(() => action.staffSignInAction.mockReset());

async function submitPassword() {
  const user = userEvent.setup();
  renderMoney(<StaffSignInForm returnTo="/staff/kyc" />, {});
  await user.type(screen.getByLabelText("Work e-mail address"), "staff@example.com");
  await user.type(screen.getByLabelText("Password"), "Staff-Reviewer-2026");
  await user.click(screen.getByRole("button", { name: "Sign in" }));
  return user;
}

describe("the staff sign-in form", { timeout: 30_000 }, () => {
  it("asks for the code on OTP_REQUIRED, sends it with the same e-mail and password, and puts a wrong code on its field", async () => {
    action.staffSignInAction.mockResolvedValueOnce(refused("OTP_REQUIRED")).mockResolvedValueOnce(refused("INVALID_OTP_CODE"));
    const user = await submitPassword();
    const code = await screen.findByLabelText("Authentication code");
    await waitFor(() => expect(code).toHaveFocus());
    expect(screen.queryByRole("alert")).toBeNull();
    await user.type(code, "123456");
    await user.click(screen.getByRole("button", { name: "Sign in" }));
    await waitFor(() => expect(code).toHaveAttribute("aria-invalid", "true"));
    expect(code).toHaveAccessibleDescription(/That code is not valid\. Enter the current code from your authenticator app\./);
    expect(action.staffSignInAction).toHaveBeenLastCalledWith({ email: "staff@example.com", password: "Staff-Reviewer-2026", otpCode: "123456", returnTo: "/staff/kyc" });
  });

  it("says a wrong password in the alert, and a disabled staff account in staff's own words", async () => {
    action.staffSignInAction.mockResolvedValueOnce(refused("CUSTOMER_NOT_FOUND_OR_INCORRECT")).mockResolvedValueOnce(refused("FORBIDDEN"));
    const user = await submitPassword();
    expect(await screen.findByRole("alert")).toHaveTextContent("The e-mail address or the password is incorrect.");
    expect(screen.getByLabelText("Work e-mail address")).toHaveValue("staff@example.com");
    await user.click(screen.getByRole("button", { name: "Sign in" }));
    await waitFor(() => expect(screen.getByRole("alert")).toHaveTextContent("This staff account is disabled. Ask an administrator to enable it."));
    expect(screen.queryByLabelText("Authentication code")).toBeNull();
  });

  it("sends nothing while the e-mail address or the password is missing", async () => {
    const user = userEvent.setup();
    renderMoney(<StaffSignInForm returnTo="" />, {});
    await user.click(screen.getByRole("button", { name: "Sign in" }));
    await waitFor(() => expect(screen.getByLabelText("Work e-mail address")).toHaveAttribute("aria-invalid", "true"));
    expect(action.staffSignInAction).not.toHaveBeenCalled();
  });
});
