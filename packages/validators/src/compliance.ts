// Retail-client compliance (issue 17): the inputs of the terms, questionnaire and closure
// forms, shared by the API (which parses them) and the portal's forms.
import { z } from "zod";
import { withCode } from "./field-codes";

/** The customer ticked "I accept": anything else is REQUIRED on `accepted`. */
const confirmedBox = (message: string) => z.boolean().refine((v) => v, withCode("REQUIRED", message));

export const acceptTermsInput = z.strictObject({
  /** The version the customer read (`compliance.terms().version`). */
  version: z.number().int().positive(),
  accepted: confirmedBox("Accept the terms to continue"),
});

export const submitAppropriatenessInput = z.strictObject({
  /** The questionnaire version answered (`compliance.questionnaire().version`). */
  version: z.number().int().positive(),
  /** Question id -> option id. */
  answers: z
    .record(z.string().min(1).max(64), z.string().min(1).max(64))
    .refine((a) => Object.keys(a).length <= 50, withCode("TOO_BIG", "Too many answers")),
});

/** One answer per question, for the portal's form (built from the questionnaire's data). */
export const questionnaireAnswers = (questions: ReadonlyArray<{ id: string; options: ReadonlyArray<{ id: string }> }>) =>
  z.strictObject(
    Object.fromEntries(
      questions.map((q) => [
        q.id,
        z.string().refine((v) => q.options.some((o) => o.id === v), withCode("REQUIRED", "Choose an answer")),
      ]),
    ),
  );

export const closeRelationshipInput = z.strictObject({
  /** The customer confirmed that they want to close the relationship for good. */
  confirm: confirmedBox("Confirm that you want to close the relationship"),
});
