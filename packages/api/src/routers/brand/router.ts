import type { TRPCRouterRecord } from "@trpc/server";
import { publicProcedure } from "../../trpc";
import { getBrand } from "./get-brand.handler";
import { getBrandInput } from "./get-brand.schema";

export const brandRouter = {
  get: publicProcedure.input(getBrandInput).query(getBrand),
} satisfies TRPCRouterRecord;
