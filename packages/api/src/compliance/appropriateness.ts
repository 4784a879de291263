import type { Database } from "@brokerage/db";
import { z } from "zod";
import { recordAuditEvent } from "../audit/record-audit-event";
import type { Clock } from "../clock";
import type { RequestMeta } from "../context";
import { env } from "../env";
import { DomainError } from "../errors";

export const APPROPRIATENESS_PATH = "/compliance/appropriateness";

/** The shape of AppropriatenessQuestionnaire.questions (data, checked when read). */
const questionsSchema = z.array(
  z.object({
    id: z.string(),
    text: z.record(z.string(), z.string()),
    options: z.array(z.object({ id: z.string(), text: z.record(z.string(), z.string()), score: z.number().int() })).min(1),
  }),
);

type Db = Pick<Database, "appropriatenessQuestionnaire" | "appropriatenessAssessment">;

const localized = (text: Record<string, string>, language: string) => text[language] ?? text.en ?? Object.values(text)[0] ?? "";

/** The brand's questionnaire in force (the highest effective version), or null. */
export async function currentQuestionnaire(db: Db, brandId: number, now: Date) {
  const row = await db.appropriatenessQuestionnaire.findFirst({
    where: { brandId, effectiveAt: { lte: now } },
    orderBy: { version: "desc" },
    select: { id: true, version: true, questions: true, passScore: true },
  });
  return row ? { ...row, questions: questionsSchema.parse(row.questions) } : null;
}

export type AppropriatenessStatus = "NOT_TAKEN" | "PASSED" | "FAILED";

/**
 * Where the customer stands with the current questionnaire: the latest attempt at it
 * decides (a pass of an older version is not current). A failed attempt holds the next
 * one until its `retryAfter`.
 */
export async function appropriatenessState(db: Db, customerId: number, brandId: number, now: Date) {
  const questionnaire = await currentQuestionnaire(db, brandId, now);
  if (!questionnaire) return { status: "NOT_TAKEN" as AppropriatenessStatus, version: null, retryAfter: null, questionnaire };
  const latest = await db.appropriatenessAssessment.findFirst({
    where: { customerId, questionnaireId: questionnaire.id },
    orderBy: { createdAt: "desc" },
    select: { passed: true, retryAfter: true },
  });
  const status: AppropriatenessStatus = !latest ? "NOT_TAKEN" : latest.passed ? "PASSED" : "FAILED";
  const retryAfter = latest && !latest.passed && latest.retryAfter && latest.retryAfter > now ? latest.retryAfter : null;
  return { status, version: questionnaire.version, retryAfter, questionnaire };
}

/** `compliance.questionnaire`: the questions in the customer's language (never the scores) and where they stand. */
export async function getQuestionnaireForCustomer(deps: { db: Database; clock: Clock }, customerId: number) {
  const customer = await deps.db.customer.findUniqueOrThrow({
    where: { id: customerId },
    select: { brandId: true, preferredLanguage: true },
  });
  const state = await appropriatenessState(deps.db, customerId, customer.brandId, deps.clock.now());
  if (!state.questionnaire) return null;
  const lang = customer.preferredLanguage;
  return {
    version: state.questionnaire.version,
    status: state.status,
    retryAfter: state.retryAfter?.toISOString() ?? null,
    questions: state.questionnaire.questions.map((q) => ({
      id: q.id,
      text: localized(q.text, lang),
      options: q.options.map((o) => ({ id: o.id, text: localized(o.text, lang) })),
    })),
  };
}

/**
 * `compliance.submitAppropriateness({ version, answers })`: every question answered with
 * one of its options, scored from the data; pass at `passScore`. A fail holds the next
 * attempt for APPROPRIATENESS_COOLING_OFF_HOURS (default 24): earlier is 409
 * APPROPRIATENESS_COOLING_OFF with `retryAfter`. Under the customer's row lock, so two
 * parallel attempts cannot both slip past a cooling-off.
 */
export async function submitAppropriateness(
  deps: { db: Database; clock: Clock },
  customerId: number,
  input: { version: number; answers: Record<string, string> },
  request: RequestMeta,
) {
  const { db } = deps;
  const now = deps.clock.now();
  const customer = await db.customer.findUniqueOrThrow({ where: { id: customerId }, select: { brandId: true } });
  const questionnaire = await currentQuestionnaire(db, customer.brandId, now);
  if (!questionnaire || questionnaire.version !== input.version) {
    throw new DomainError("INVALID_DATA", {
      fieldErrors: { version: [questionnaire ? `The current version is ${questionnaire.version}` : "There is no questionnaire"] },
      fieldCodes: { version: ["NOT_CURRENT"] },
    });
  }
  const fieldErrors: Record<string, string[]> = {};
  const fieldCodes: Record<string, Array<"REQUIRED" | "NOT_ALLOWED" | "UNKNOWN_FIELD">> = {};
  let score = 0;
  for (const q of questionnaire.questions) {
    const answer = input.answers[q.id];
    const option = q.options.find((o) => o.id === answer);
    if (answer === undefined) {
      fieldErrors[`answers.${q.id}`] = ["Answer this question"];
      fieldCodes[`answers.${q.id}`] = ["REQUIRED"];
    } else if (!option) {
      fieldErrors[`answers.${q.id}`] = ["Choose one of the options"];
      fieldCodes[`answers.${q.id}`] = ["NOT_ALLOWED"];
    } else score += option.score;
  }
  for (const id of Object.keys(input.answers)) {
    if (!questionnaire.questions.some((q) => q.id === id)) {
      fieldErrors[`answers.${id}`] = ["No such question"];
      fieldCodes[`answers.${id}`] = ["UNKNOWN_FIELD"];
    }
  }
  if (Object.keys(fieldErrors).length > 0) throw new DomainError("INVALID_DATA", { fieldErrors, fieldCodes });

  const passed = score >= questionnaire.passScore;
  const retryAfter = passed ? null : new Date(now.getTime() + env.APPROPRIATENESS_COOLING_OFF_HOURS * 3600_000);
  await db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT 1 FROM "Customer" WHERE "id" = ${customerId} FOR UPDATE`;
    const last = await tx.appropriatenessAssessment.findFirst({
      where: { customerId, passed: false, retryAfter: { gt: now } },
      orderBy: { createdAt: "desc" },
      select: { retryAfter: true },
    });
    if (last?.retryAfter) throw coolingOff(last.retryAfter, now);
    await tx.appropriatenessAssessment.create({
      data: {
        customerId,
        questionnaireId: questionnaire.id,
        answers: input.answers,
        score,
        passed,
        retryAfter,
        ip: request.ip,
        userAgent: request.userAgent?.slice(0, 512) ?? null,
        createdAt: now,
      },
    });
    await recordAuditEvent(tx, {
      kind: passed ? "compliance.appropriateness_passed" : "compliance.appropriateness_failed",
      customerId,
      request,
      data: { version: questionnaire.version, score, passScore: questionnaire.passScore },
      at: now,
    });
  });
  return { passed, score, passScore: questionnaire.passScore, retryAfter: retryAfter?.toISOString() ?? null };
}

function coolingOff(retryAfter: Date, now: Date) {
  return new DomainError("APPROPRIATENESS_COOLING_OFF", {
    details: {
      retryAfter: retryAfter.toISOString(),
      retryAfterSeconds: Math.ceil((retryAfter.getTime() - now.getTime()) / 1000),
    },
  });
}
