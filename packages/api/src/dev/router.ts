import type { TRPCRouterRecord } from "@trpc/server";
import { publicProcedure } from "../trpc";
import { readDevMailbox } from "./mailbox";
import { mailboxInput } from "./mailbox.schema";

export const devRouter = {
  mailbox: publicProcedure.input(mailboxInput).query(({ ctx, input }) => readDevMailbox(ctx.db, input)),
} satisfies TRPCRouterRecord;
