import { z } from "zod";
import { accountIdField } from "./fields";

/** Seed 001 `GET /accounts/{accountId}` and the live state of the same account. */
export const accountIdInput = z.strictObject({ accountId: accountIdField });
