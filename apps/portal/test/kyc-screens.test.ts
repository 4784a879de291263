// @vitest-environment jsdom
// The KYC screens' pieces, and the submission form as a customer meets it: rendered in a
// DOM with the English catalog, the server action answering from a script.
import { COUNTRY_CODES as SHARED_COUNTRY_CODES } from "@brokerage/validators";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import userEvent, { type UserEvent } from "@testing-library/user-event";
import { NextIntlClientProvider } from "next-intl";
import { createElement } from "react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { contentDisposition } from "~/app/(staff)/staff/kyc/documents/[id]/content-disposition";
import { readSubmittedData } from "~/app/(staff)/staff/kyc/[id]/submitted-data";
import { KycSubmission } from "~/app/kyc/kyc-submission";
import { COUNTRY_CODES, countryOptions } from "~/components/kyc/countries";
import {
  formatFileSize,
  outstandingReasons,
  reasonKey,
  statusNameOf,
} from "~/components/kyc/kyc-words";
import { VALID } from "./kyc-form-fixtures";
import { safeRedirectPath as safeReturnPath } from "~/security/safe-redirect";
import messages from "../messages/en";

const { submitKycAction, refresh } = vi.hoisted(() => ({ submitKycAction: vi.fn(), refresh: vi.fn() }));
vi.mock("next/navigation", () => ({ useRouter: () => ({ refresh }) }));
vi.mock("~/app/kyc/actions", () => ({ submitKycAction }));

describe("safeReturnPath", () => {
  it("keeps same-origin paths with their query", () => {
    expect(safeReturnPath("/accounts/open?group=real-usd")).toBe("/accounts/open?group=real-usd");
    expect(safeReturnPath(["/kyc", "/other"])).toBeNull();
  });

  it.each([
    "//evil.example/x",
    "/\\evil.example",
    "https://evil.example/",
    "javascript:alert(1)",
    "accounts",
    "",
    "/\t/evil.example",
    "/ok\n",
    " /accounts",
  ])("refuses %j", (value) => {
    expect(safeReturnPath(value)).toBeNull();
  });

  it("refuses null, undefined and very long values", () => {
    expect(safeReturnPath(null)).toBeNull();
    expect(safeReturnPath(undefined)).toBeNull();
    expect(safeReturnPath(`/${"a".repeat(3000)}`)).toBeNull();
  });

  it("can require a prefix", () => {
    expect(safeReturnPath("/staff/kyc/12", { prefix: "/staff" })).toBe("/staff/kyc/12");
    expect(safeReturnPath("/staff", { prefix: "/staff" })).toBe("/staff");
    expect(safeReturnPath("/staffing", { prefix: "/staff" })).toBeNull();
    expect(safeReturnPath("/kyc", { prefix: "/staff" })).toBeNull();
    // Dot segments cannot walk out of the prefix.
    expect(safeReturnPath("/staff/../kyc", { prefix: "/staff" })).toBeNull();
  });
});

describe("the KYC submission form", () => {
  beforeEach(() => {
    submitKycAction.mockReset();
    refresh.mockReset();
  });

  /** A PNG of `size` bytes (its first bytes are PNG's signature). */
  const png = (name = "passport.png", size = 1200) =>
    new File([new Uint8Array(size).fill(7, 8).fill(0x89, 0, 1)], name, { type: "image/png" });

  function renderForm() {
    // The browser's file picker would honour `accept`; the form must check the type itself.
    const user = userEvent.setup({ applyAccept: false });
    render(
      createElement(NextIntlClientProvider, {
        locale: "en",
        messages,
        timeZone: "UTC",
        children: createElement(KycSubmission, { level: 1, mode: "first", countries: countryOptions("en"), returnTo: "/accounts/open" }),
      }),
    );
    return user;
  }

  /** Fills every field as VALID has it, with `changes` on top, and picks `files`. */
  async function fill(user: UserEvent, changes: Partial<Record<keyof typeof VALID, string>> = {}, files: File[] = [png()]) {
    const v = { ...VALID, ...changes };
    const type = async (label: string, value: string) => {
      if (value) await user.type(screen.getByLabelText(label), value);
    };
    await type("Legal first name", v.firstName);
    await type("Legal last name", v.lastName);
    fireEvent.change(screen.getByLabelText("Date of birth"), { target: { value: v.dateOfBirth } });
    await user.selectOptions(screen.getByLabelText("Nationality"), v.nationality);
    await user.selectOptions(screen.getByLabelText("Country of residence"), v.countryOfResidence);
    await type("Address line 1", v.line1);
    await type("Address line 2 (optional)", v.line2 ?? "");
    await type("Town or city", v.city);
    await type("Postal code", v.postalCode);
    await user.selectOptions(screen.getByLabelText("Country"), v.addressCountry);
    await user.selectOptions(screen.getByLabelText("Type of document"), v.documentType);
    await type("Document number", v.documentNumber);
    fireEvent.change(screen.getByLabelText("Expiry date"), { target: { value: v.expiryDate } });
    if (files.length > 0) await user.upload(screen.getByLabelText("Photos or scans of your document"), files);
  }

  const submit = (user: UserEvent) => user.click(screen.getByRole("button", { name: "Submit for review" }));
  const summary = () => screen.getByRole("alert", { name: /with what you entered/ });
  const isoDaysFromToday = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

  it("names every problem at its field and in a summary that takes the focus, and sends nothing", async () => {
    const user = renderForm();
    await submit(user);
    await waitFor(() => expect(summary()).toHaveFocus());
    expect(summary()).toHaveTextContent("There are 13 problems with what you entered");
    const firstName = screen.getByLabelText("Legal first name");
    expect(firstName).toHaveAttribute("aria-invalid", "true");
    expect(firstName).toHaveAccessibleDescription(/Enter your legal first name\./);
    expect(screen.getByLabelText("Expiry date")).toHaveAccessibleDescription("Enter the expiry date of your document.");
    expect(screen.getByLabelText("Nationality")).toHaveAccessibleDescription("Choose a country from the list.");
    expect(screen.getByLabelText("Type of document")).toHaveAccessibleDescription("Choose the type of your document.");
    expect(screen.getByLabelText("Photos or scans of your document")).toHaveAccessibleDescription(
      /Attach at least one photo or scan of your document\./,
    );
    expect(screen.getByLabelText("Address line 2 (optional)")).not.toHaveAttribute("aria-invalid");

    await user.click(within(summary()).getByRole("link", { name: "Date of birth: Enter your date of birth." }));
    expect(screen.getByLabelText("Date of birth")).toHaveFocus();
    expect(submitKycAction).not.toHaveBeenCalled();
  });

  it("checks names, codes, dates and files as the server does, each file by its name", async () => {
    const user = renderForm();
    const gif = new File(["GIF89a"], "scan.gif", { type: "image/gif" });
    await fill(user, { firstName: "R2-D2", documentNumber: "AB/123", dateOfBirth: isoDaysFromToday(-365 * 10), expiryDate: isoDaysFromToday(-2) }, [png(), gif]);
    await submit(user);
    await waitFor(() => expect(summary()).toHaveTextContent("There are 5 problems with what you entered"));
    expect(screen.getByLabelText("Legal first name")).toHaveAccessibleDescription(/Use only letters, spaces, hyphens and apostrophes\./);
    expect(screen.getByLabelText("Document number")).toHaveAccessibleDescription("Use only letters, digits, spaces and hyphens.");
    expect(screen.getByLabelText("Date of birth")).toHaveAccessibleDescription("You must be at least 18 years old.");
    expect(screen.getByLabelText("Expiry date")).toHaveAccessibleDescription("This document has expired. Use a document that is still valid.");
    expect(screen.getByLabelText("Photos or scans of your document")).toHaveAccessibleDescription(
      /scan\.gif: This file is not a JPEG, PNG or PDF file\.$/,
    );
    const picked = screen.getByRole("list", { name: "Selected files" });
    expect(within(picked).getAllByRole("listitem").map((item) => item.textContent)).toEqual([
      "passport.png (1 KB)",
      "scan.gif (6 bytes) This file is not a JPEG, PNG or PDF file.",
    ]);
    expect(within(summary()).getByRole("link", { name: "Photos or scans of your document: scan.gif: This file is not a JPEG, PNG or PDF file." })).toBeVisible();

    // Correcting a field takes its problem away.
    await user.clear(screen.getByLabelText("Legal first name"));
    await user.type(screen.getByLabelText("Legal first name"), "Ada");
    await waitFor(() => expect(screen.getByLabelText("Legal first name")).not.toHaveAttribute("aria-invalid"));
    expect(submitKycAction).not.toHaveBeenCalled();
  });

  it("sends kyc.submit's input, the files read as base64, and confirms", async () => {
    submitKycAction.mockResolvedValue({ ok: true, value: { submissionId: 7 } });
    const user = renderForm();
    const file = png("passport.png", 3);
    await fill(user, { firstName: "  Ada  ", line2: "Flat 4", documentNumber: "c01x00t47" }, [file]);
    await submit(user);
    const thanks = await screen.findByRole("heading", { name: "Thank you, we received your documents" });
    await waitFor(() => expect(thanks).toHaveFocus());
    expect(screen.getByRole("link", { name: "Continue where you left off" })).toHaveAttribute("href", "/accounts/open");
    expect(submitKycAction).toHaveBeenCalledTimes(1);
    expect(submitKycAction.mock.calls[0]![0]).toEqual({
      level: 1,
      firstName: "Ada",
      lastName: "O'Neil-Smith",
      dateOfBirth: "1990-04-12",
      nationality: "DE",
      countryOfResidence: "CY",
      address: { line1: "1 Harbour Road", line2: "Flat 4", city: "Limassol", postalCode: "3035", country: "CY" },
      document: { type: "passport", number: "C01X00T47", expiryDate: "2031-01-31" },
      files: [{ fileName: "passport.png", contentBase64: Buffer.from([0x89, 0, 0]).toString("base64") }],
    });
    expect(refresh).toHaveBeenCalled();
  });

  const refusedWith = (fieldCodes: Record<string, string[]>) => ({
    ok: false,
    error: {
      data: {
        appCode: "INVALID_DATA",
        fieldErrors: Object.fromEntries(Object.keys(fieldCodes).map((key) => [key, ["English the screen must not show"]])),
        fieldCodes,
        details: null,
      },
    },
  });

  it("shows the server's document.expiryDate and files.0 on the expiry field and the file field", async () => {
    submitKycAction.mockResolvedValue(refusedWith({ "document.expiryDate": ["DOCUMENT_EXPIRED"], "files.0": ["FILE_TYPE"] }));
    const user = renderForm();
    await fill(user);
    await submit(user);
    await waitFor(() => expect(summary()).toHaveTextContent("There are 2 problems with what you entered"));
    expect(summary()).toHaveFocus();
    const expiry = screen.getByLabelText("Expiry date");
    expect(expiry).toHaveAttribute("aria-invalid", "true");
    expect(expiry).toHaveAccessibleDescription("This document has expired. Use a document that is still valid.");
    const files = screen.getByLabelText("Photos or scans of your document");
    expect(files).toHaveAttribute("aria-invalid", "true");
    expect(files).toHaveAccessibleDescription(/passport\.png: This file is not a JPEG, PNG or PDF file\.$/);
    expect(screen.queryByText(/English the screen must not show/)).toBeNull();
    expect(screen.queryByText("Some of the information you entered is not valid. Please check it and try again.")).toBeNull();
    expect(refresh).not.toHaveBeenCalled();
  });

  it("puts a nested field, a group, a file's content and the level where the customer sees them", async () => {
    submitKycAction.mockResolvedValue(
      refusedWith({
        dateOfBirth: ["TOO_YOUNG"],
        "address.line1": ["REQUIRED"],
        document: ["INVALID"],
        "files.0.contentBase64": ["TOO_LONG"],
        level: ["LEVEL_VERIFIED"],
      }),
    );
    const user = renderForm();
    await fill(user);
    await submit(user);
    await waitFor(() => expect(summary()).toHaveTextContent("There are 5 problems with what you entered"));
    expect(screen.getByLabelText("Date of birth")).toHaveAccessibleDescription("You must be at least 18 years old.");
    expect(screen.getByLabelText("Address line 1")).toHaveAccessibleDescription(/Enter the first line of your address\./);
    expect(screen.getByRole("group", { name: "Identity document" })).toHaveAccessibleDescription("Check the details of your identity document.");
    expect(screen.getByLabelText("Photos or scans of your document")).toHaveAccessibleDescription(/passport\.png: This file is larger than 5 MB\.$/);
    expect(within(summary()).getByText("This level of verification is already done.")).toBeVisible();
    expect(within(summary()).getByRole("link", { name: "Identity document: Check the details of your identity document." })).toHaveAttribute(
      "href",
      "#kyc-documentType",
    );
  });

  it("words a refusal without fields, with a fault's reference, and shows the page as it now is", async () => {
    submitKycAction.mockResolvedValue({
      ok: false,
      error: { data: { appCode: "INTERNAL_ERROR", fieldErrors: null, fieldCodes: null, details: { correlationId: "req-42" } } },
    });
    const user = renderForm();
    await fill(user);
    await submit(user);
    await waitFor(() => expect(summary()).toHaveTextContent("There is a problem with what you entered"));
    expect(summary()).toHaveTextContent("req-42");
    expect(summary()).toHaveFocus();
    expect(refresh).toHaveBeenCalled();
  });

  it("says when the details could not be sent", async () => {
    submitKycAction.mockRejectedValue(new TypeError("Failed to fetch"));
    const user = renderForm();
    await fill(user);
    await submit(user);
    await waitFor(() =>
      expect(summary()).toHaveTextContent("Your details could not be sent. Check your connection and try again."),
    );
    expect(screen.getByRole("button", { name: "Submit for review" })).toBeEnabled();
  });
});

describe("KYC words", () => {
  it("names the status codes of product.md", () => {
    expect([0, 1, 2, 3, 4].map(statusNameOf)).toEqual([
      "NOT_REQUIRED",
      "PENDING_REVIEW",
      "REQUIRED",
      "APPROVED",
      "REJECTED",
    ]);
  });

  it("gives the reasons still open, each once", () => {
    expect(reasonKey("something_else")).toBe("other");
    const requirements = [
      { level: 1, reason: "real_account_required" },
      { level: 1, reason: "wallet_required" },
      { level: 1, reason: "real_account_required" },
      { level: 2, reason: "customer_request" },
    ];
    expect(outstandingReasons(requirements, 0)).toEqual([
      "real_account_required",
      "wallet_required",
      "customer_request",
    ]);
    expect(outstandingReasons(requirements, 1)).toEqual(["customer_request"]);
    expect(outstandingReasons(requirements, 2)).toEqual([
      "real_account_required",
      "wallet_required",
      "customer_request",
    ]);
  });

  it("formats file sizes", () => {
    expect(formatFileSize(812)).toEqual({ unit: "bytes", value: 812 });
    expect(formatFileSize(48 * 1024)).toEqual({ unit: "kb", value: 48 });
    expect(formatFileSize(4.2 * 1024 * 1024)).toEqual({ unit: "mb", value: 4.2 });
  });
});

describe("countries", () => {
  it("offers each ISO 3166-1 alpha-2 code once, named and sorted by name", () => {
    expect(new Set(COUNTRY_CODES).size).toBe(COUNTRY_CODES.length);
    expect(COUNTRY_CODES).toBe(SHARED_COUNTRY_CODES);
    const options = countryOptions("en");
    expect(options.find((o) => o.code === "DE")?.label).toBe("Germany");
    const labels = options.map((o) => o.label);
    expect(labels).toEqual([...labels].sort(new Intl.Collator("en").compare));
    expect(options.every((o) => o.label !== o.code)).toBe(true);
  });
});

describe("contentDisposition", () => {
  it("is an attachment, with a safe fallback and the exact name", () => {
    expect(contentDisposition("passport.png")).toBe(
      `attachment; filename="passport.png"; filename*=UTF-8''passport.png`,
    );
    expect(contentDisposition('Pässe "1";.pdf')).toBe(
      `attachment; filename="P_sse _1__.pdf"; filename*=UTF-8''P%C3%A4sse%20%221%22%3B.pdf`,
    );
  });
});

describe("readSubmittedData", () => {
  it("reads what kyc.submit stored and tolerates anything else", () => {
    const data = readSubmittedData({
      firstName: "Ada",
      address: { line1: "1 Road", line2: null, city: "X", postalCode: "1", country: "CY" },
      document: { type: "passport", number: "A1", expiryDate: "2030-01-01" },
    });
    expect(data.firstName).toBe("Ada");
    expect(data.lastName).toBeNull();
    expect(data.address.line2).toBeNull();
    expect(data.document.type).toBe("passport");
    expect(readSubmittedData("nonsense").address.city).toBeNull();
  });
});
