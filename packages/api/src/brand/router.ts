import type { TRPCRouterRecord } from "@trpc/server";
import { publicProcedure } from "../trpc";
import { getBrand } from "./get-brand";
import { getBrandInput } from "./get-brand.schema";

export const brandRouter = {
  get: publicProcedure.input(getBrandInput).query(({ ctx, input }) => getBrand(ctx.db, input?.code)),
} satisfies TRPCRouterRecord;
