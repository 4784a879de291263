import type { TRPCRouterRecord } from "@trpc/server";
import { publicProcedure } from "../../trpc";
import { mailbox } from "./mailbox.handler";
import { mailboxInput } from "./mailbox.schema";

export const devRouter = {
  mailbox: publicProcedure.input(mailboxInput).query(mailbox),
} satisfies TRPCRouterRecord;
