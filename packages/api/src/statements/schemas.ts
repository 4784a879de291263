import { STATEMENT_FORMATS, statementMonthField } from "@brokerage/validators";
import { z } from "zod";

const accountId = z.number().int().positive().max(2_147_483_647);

export const listStatementsInput = z.strictObject({ accountId: accountId.optional() }).prefault({});

export const statementInput = z.strictObject({ accountId, month: statementMonthField });

export const statementFileInput = z.strictObject({ accountId, month: statementMonthField, format: z.enum(STATEMENT_FORMATS) });
