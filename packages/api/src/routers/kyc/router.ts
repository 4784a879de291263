import type { TRPCRouterRecord } from "@trpc/server";
import { customerProcedure } from "../../trpc";
import { kycState } from "./state.handler";
import { submitHandler } from "./submit.handler";
import { submitKycInput } from "./submit.schema";

/** The customer's side of KYC: where they stand, and sending data and documents. */
export const kycRouter = {
  state: customerProcedure.query(kycState),
  submit: customerProcedure.input(submitKycInput).mutation(submitHandler),
} satisfies TRPCRouterRecord;
