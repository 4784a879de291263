import type { TRPCRouterRecord } from "@trpc/server";
import { staffProcedure } from "../trpc";
import { setClientCategory } from "./client-category";
import { assignCustomer, createCustomer } from "./create-customer";
import { getCustomerFile } from "./customer-file";
import { searchCustomers } from "./search-customers";
import { endCustomerSessions, resetCustomerTwoFactor } from "./support-actions";
import {
  assignInput,
  createCustomerInput,
  customerIdInput,
  searchInput,
  setCategoryInput,
  supportActionInput,
} from "./schemas";

/** Customer administration for staff (issue 11); disabling stays `staff.setCustomerStatus`. */
export const staffCustomersRouter = {
  search: staffProcedure
    .requires("customers:read")
    .input(searchInput)
    .query(({ ctx, input }) => searchCustomers(ctx.db, input)),

  get: staffProcedure
    .requires("customers:read")
    .input(customerIdInput)
    .query(({ ctx, input }) => getCustomerFile(ctx, input.customerId)),

  endSessions: staffProcedure
    .requires("customers:support")
    .input(supportActionInput)
    .mutation(({ ctx, input }) =>
      endCustomerSessions(ctx, { staffId: ctx.staff.staffId, ...input }, ctx.request),
    ),

  resetTwoFactor: staffProcedure
    .requires("customers:support")
    .input(supportActionInput)
    .mutation(({ ctx, input }) =>
      resetCustomerTwoFactor(ctx, { staffId: ctx.staff.staffId, ...input }, ctx.request),
    ),

  create: staffProcedure
    .requires("customers:manage")
    .input(createCustomerInput)
    .mutation(({ ctx, input }) =>
      createCustomer(ctx, { staffId: ctx.staff.staffId, ...input }, ctx.request),
    ),

  assign: staffProcedure
    .requires("customers:manage")
    .input(assignInput)
    .mutation(({ ctx, input }) =>
      assignCustomer(ctx, { staffId: ctx.staff.staffId, ...input }, ctx.request),
    ),

  /** The client category (RETAIL / PROFESSIONAL) with its evidence; lifts or restores the leverage cap. */
  setCategory: staffProcedure
    .requires("customers:manage")
    .input(setCategoryInput)
    .mutation(({ ctx, input }) =>
      setClientCategory(ctx, { staffId: ctx.staff.staffId, ...input }, ctx.request),
    ),
} satisfies TRPCRouterRecord;
