import { clientCategoryForm, staffReasonForm } from "@brokerage/validators";
import { z } from "zod";
import { emailField } from "../auth/fields";

const customerIdField = z.number().int().positive().max(2_147_483_647);
const staffIdField = z.number().int().positive().max(2_147_483_647);
const deskIdField = z.number().int().positive().max(2_147_483_647);
const noControl = (v: string) => !/\p{Cc}/u.test(v);

export const TAN_CHANNELS = ["sms", "email", "totp"] as const;

/** By e-mail, name, account login or phone; paged. */
export const searchInput = z.strictObject({
  query: z.string().trim().min(1).max(254).refine(noControl, { message: "No control characters" }),
  limit: z.number().int().min(1).max(100).default(25),
  offset: z.number().int().min(0).max(100_000).default(0),
});

export const customerIdInput = z.strictObject({ customerId: customerIdField });

/** The portal's category form (@brokerage/validators) plus the customer. */
export const setCategoryInput = clientCategoryForm.extend({ customerId: customerIdField });

/** The portal's support form (@brokerage/validators) plus the customer. */
export const supportActionInput = staffReasonForm.extend({ customerId: customerIdField });

const nameField = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .refine(noControl, { message: "No control characters" });

/**
 * A customer made by staff (seed 004's admin path): staff-only fields included;
 * `debitThreshold` has no meaning for a broker and is refused (INVALID_DATA).
 */
export const createCustomerInput = z
  .strictObject({
    email: emailField,
    firstName: nameField,
    lastName: nameField,
    phone: z
      .e164({ message: "Enter the phone number in international format, e.g. +35712345678" })
      .optional(),
    preferredLanguage: z
      .string()
      .regex(/^[a-z]{2}(-[A-Z]{2})?$/)
      .default("en"),
    deskId: deskIdField.optional(),
    managerId: staffIdField.optional(),
    tanChannels: z
      .array(z.enum(TAN_CHANNELS))
      .max(TAN_CHANNELS.length)
      .refine((v) => new Set(v).size === v.length, { message: "Each channel once" })
      .default([]),
    conversionRateClass: z.number().int().min(0).max(1000).optional(),
    /** Accepted by the schema only to be refused with a field error that says why. */
    debitThreshold: z.unknown().optional(),
  })
  .superRefine((v, ctx) => {
    if (v.debitThreshold !== undefined) {
      ctx.addIssue({
        code: "custom",
        path: ["debitThreshold"],
        message: "A debit threshold has no meaning for a brokerage account",
      });
    }
    if (v.tanChannels.includes("sms") && !v.phone) {
      ctx.addIssue({
        code: "custom",
        path: ["tanChannels"],
        message: "SMS codes need a phone number",
      });
    }
  });

/** Desk and manager later (null clears one); at least one of them. */
export const assignInput = z
  .strictObject({
    customerId: customerIdField,
    deskId: deskIdField.nullable().optional(),
    managerId: staffIdField.nullable().optional(),
  })
  .refine((v) => v.deskId !== undefined || v.managerId !== undefined, {
    message: "Send a desk, a manager, or both",
  });
