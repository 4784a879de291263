// The customer's preferred language drives their e-mails and SMS (German or English; any
// other language gets English), and customer.setLanguage (the portal's language switcher)
// changes it: only to a language the portal speaks, only for the signed-in customer.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "../support/harness";
import {
  callerAs,
  createBrand,
  messageIds,
  newMessages,
  refusal,
  registerCustomer,
  strongPassword,
  uniqueEmail,
  uniquePhone,
  web,
  webLogin,
} from "./fixtures";
import { newStaff } from "../accounts/fixtures";

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
  await createBrand(h);
});
afterAll(() => h.close());

async function signUpIn(preferredLanguage: string) {
  const email = uniqueEmail("lang");
  const phone = uniquePhone();
  const [beforeMail, beforeSms] = [await messageIds(h, email), await messageIds(h, phone)];
  await callerAs(h, null).auth.signUp({ email, password: strongPassword(), firstName: "Jana", lastName: "Muster", phone, preferredLanguage });
  const [mail] = await newMessages(h, email, beforeMail);
  const [sms] = await newMessages(h, phone, beforeSms);
  return { mail: mail!, sms: sms! };
}

describe("sign-up messages follow the preferred language", () => {
  it("German: the verification e-mail and SMS are in German, with their codes", async () => {
    const { mail, sms } = await signUpIn("de");
    expect(mail.subject).toBe("Northwind Markets: Ihr Bestätigungscode");
    expect(mail.body).toMatch(/^Ihr Code lautet \d{6}\n\nGeben Sie ihn ein, um Ihre E-Mail-Adresse zu bestätigen\. Er ist 10 Minuten gültig/);
    expect(sms.body).toMatch(/^Northwind Markets: Ihr Code lautet \d{4}\. Er ist 10 Minuten gültig\.$/);
  });

  it("a language without messages of its own (fr) and English get English", async () => {
    for (const language of ["fr", "en"]) {
      const { mail, sms } = await signUpIn(language);
      expect(mail.subject).toBe("Northwind Markets: Your verification code");
      expect(sms.body).toMatch(/^Northwind Markets: your code is \d{4}\./);
    }
  });
});

describe("customer.setLanguage", () => {
  it("switches the customer's later e-mails to German", async () => {
    const c = await registerCustomer(h);
    const api = callerAs(h, web(await webLogin(h, c.email, c.password)));
    expect(await api.customer.setLanguage({ language: "de" })).toEqual({ preferredLanguage: "de" });
    expect((await api.customer.me()).preferredLanguage).toBe("de");

    const before = await messageIds(h, c.email);
    const newPassword = strongPassword("neu");
    await api.customer.changePassword({ currentPassword: c.password, newPassword, newPasswordConfirmation: newPassword });
    const [notice] = await newMessages(h, c.email, before);
    expect(notice!.subject).toBe("Northwind Markets: Sicherheitshinweis");
    expect(notice!.body).toMatch(/^Ihr Portal-Passwort wurde geändert\.\nZeitpunkt: \d{2}\.\d{2}\.\d{4}, \d{2}:\d{2} UTC\./);

    expect(await api.customer.setLanguage({ language: "en" })).toEqual({ preferredLanguage: "en" });
    expect((await api.customer.me()).preferredLanguage).toBe("en");
  });

  it("refuses a language the portal does not speak, and odd bodies, changing nothing", async () => {
    const c = await registerCustomer(h);
    const api = callerAs(h, web(await webLogin(h, c.email, c.password)));
    for (const body of [{ language: "fr" }, { language: "DE" }, { language: "de-AT" }, { language: "" }, {}, { language: "de", customerId: 1 }]) {
      const error = await refusal(api.customer.setLanguage(body as never));
      expect(error.code, JSON.stringify(body)).toBe("INVALID_DATA");
    }
    expect((await api.customer.me()).preferredLanguage).toBe("en");
  });

  it("needs a customer session: a visitor and a staff member are refused", async () => {
    expect((await refusal(callerAs(h, null).customer.setLanguage({ language: "de" }))).code).toBe("INVALID_CUSTOMER_SESSION");
    const { credential } = await newStaff(h);
    const staffError = await refusal(callerAs(h, credential).customer.setLanguage({ language: "de" }));
    expect(staffError.code).toBe("FORBIDDEN");
  });

  it("changes only the caller's own language", async () => {
    const [a, b] = [await registerCustomer(h), await registerCustomer(h)];
    await callerAs(h, web(await webLogin(h, a.email, a.password))).customer.setLanguage({ language: "de" });
    const rows = await h.db.customer.findMany({ where: { id: { in: [a.customerId, b.customerId] } }, select: { id: true, preferredLanguage: true } });
    expect(Object.fromEntries(rows.map((r) => [r.id, r.preferredLanguage]))).toEqual({ [a.customerId]: "de", [b.customerId]: "en" });
  });
});
