import { describe, expect, it } from "vitest";
import { parseStaffCreateArgs } from "../scripts/staff-create-args";

describe("pnpm staff:create arguments", () => {
  it("takes --email, --role (any letter case) and an optional --name, in either form", () => {
    expect(
      parseStaffCreateArgs([
        "--email",
        "Ada@Broker.example",
        "--role",
        "admin",
        "--name",
        "Ada Admin",
      ]),
    ).toEqual({
      email: "ada@broker.example",
      role: "ADMIN",
      name: "Ada Admin",
    });
    expect(
      parseStaffCreateArgs(["--", "--email=kim@broker.example", "--role=KYC_REVIEWER"]),
    ).toEqual({
      email: "kim@broker.example",
      role: "KYC_REVIEWER",
      name: "kim",
    });
  });

  it("refuses a missing or bad e-mail, an unknown role and unknown arguments, with the usage", () => {
    for (const argv of [
      ["--role", "ADMIN"],
      ["--email", "not-an-email", "--role", "ADMIN"],
      ["--email", "a@b.example", "--role", "ROOT"],
      ["--email", "a@b.example"],
      ["--email", "a@b.example", "--role", "ADMIN", "--password", "x"],
      ["--email", "--role", "ADMIN"],
    ]) {
      expect(() => parseStaffCreateArgs(argv)).toThrow(/usage: pnpm staff:create/);
    }
  });
});
