// @vitest-environment jsdom
import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { ChangePasswordForm } from "~/app/(account)/change-password/change-password-form";
import { refusal, renderWithServer, type Answer } from "../support/render-form";

function setup(answers: Answer[]) {
  const user = userEvent.setup();
  const view = renderWithServer(<ChangePasswordForm email="ada@example.com" />, answers);
  const current = screen.getByLabelText("Current password");
  const next = screen.getByLabelText("New password");
  const confirmation = screen.getByLabelText("Confirm new password");
  const submit = screen.getByRole("button", { name: "Change password" });
  return { ...view, user, current, next, confirmation, submit };
}

describe("the change-password form (form kit)", () => {
  it("checks with the shared schema before sending: nothing is sent, the problems are worded by code", async () => {
    const { user, calls, current, next, confirmation, submit } = setup([]);
    await user.type(next, "correct horse battery");
    await user.type(confirmation, "something else");
    await user.click(submit);

    expect(calls).toEqual([]);
    expect(current).toHaveAttribute("aria-invalid", "true");
    expect(current).toHaveAccessibleDescription("Enter your current password.");
    expect(confirmation).toHaveAccessibleDescription("The two passwords do not match. Type the new password again.");
    expect(next).not.toHaveAttribute("aria-invalid");
    // The hint stays tied to its field.
    expect(next).toHaveAccessibleDescription("8 to 64 characters. Not your e-mail address, and not a common password.");
    expect(current).toHaveFocus();
    expect(screen.getByRole("alert")).toHaveTextContent("Some of the information you entered is not valid.");
  });

  it("puts the server's field code on its field in the catalog's words, and focuses it", async () => {
    const { user, calls, current, next, confirmation, submit } = setup([
      refusal("INVALID_DATA", 400, { fieldCodes: { currentPassword: ["INCORRECT"] } }),
    ]);
    await user.type(current, "not-my-password");
    await user.type(next, "correct horse battery");
    await user.type(confirmation, "correct horse battery");
    await user.click(submit);

    await waitFor(() => expect(current).toHaveAccessibleDescription("Your current password is not correct."));
    expect(current).toHaveFocus();
    expect(calls).toEqual([
      {
        path: "customer.changePassword",
        input: { currentPassword: "not-my-password", newPassword: "correct horse battery", newPasswordConfirmation: "correct horse battery" },
      },
    ]);
    expect(document.body).not.toHaveTextContent("English the screen must not show");
    expect(screen.getByRole("alert")).toHaveTextContent("Some of the information you entered is not valid.");
  });

  it("shows a domain code that is about one field next to that field, not at the top", async () => {
    const { user, current, next, confirmation, submit } = setup([refusal("PASSWORD_TOO_WEAK", 409)]);
    await user.type(current, "old password");
    await user.type(next, "password123");
    await user.type(confirmation, "password123");
    await user.click(submit);

    await waitFor(() => expect(next).toHaveAttribute("aria-invalid", "true"));
    expect(next).toHaveAccessibleDescription(/too easy to guess/);
    expect(next).toHaveFocus();
    expect(screen.queryByRole("alert")).toBeNull();
  });

  it("puts a refusal of the whole form in the alert and focuses it", async () => {
    const { user, current, next, confirmation, submit } = setup([refusal("TOO_MANY_ATTEMPTS", 429)]);
    await user.type(current, "old password");
    await user.type(next, "a new long password");
    await user.type(confirmation, "a new long password");
    await user.click(submit);

    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("Too many attempts. Please wait a few minutes before you try again.");
    expect(alert).toHaveFocus();
  });

  it("disables the button while the answer is awaited, then says it worked and empties the fields", async () => {
    let release!: (value?: unknown) => void;
    const after = new Promise((resolve) => (release = resolve));
    const { user, current, next, confirmation, submit } = setup([{ value: { passwordChanged: true }, after }]);
    await user.type(current, "old password");
    await user.type(next, "a new long password");
    await user.type(confirmation, "a new long password");
    // Hold the answer back until the disabled state has been seen.
    const clicked = user.click(submit);
    await waitFor(() => expect(screen.getByRole("button", { name: "Changing…" })).toBeDisabled());
    release();
    await clicked;

    const status = await screen.findByRole("status");
    expect(status).toHaveTextContent("Your password has been changed.");
    expect(current).toHaveValue("");
    expect(next).toHaveValue("");
  });
});
