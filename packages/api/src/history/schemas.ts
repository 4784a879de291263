import { MovementKind, MovementStatus } from "@brokerage/db";
import { z } from "zod";

const isoDateTime = z.iso.datetime({ offset: true }).transform((v) => new Date(v));

/** The filters of the history: the list and the CSV export take the same ones. */
const filterShape = {
  /** One of the caller's accounts (another customer's id answers 404 NOT_FOUND). */
  accountId: z.number().int().positive().max(2_147_483_647).optional(),
  kinds: z.array(z.enum(MovementKind)).max(8).optional(),
  statuses: z.array(z.enum(MovementStatus)).max(6).optional(),
  /** From this instant (inclusive), ISO 8601 with an offset. */
  from: isoDateTime.optional(),
  /** Up to this instant (exclusive). */
  to: isoDateTime.optional(),
};

const endNotBeforeStart: [
  (v: { from?: Date | undefined; to?: Date | undefined }) => boolean,
  { path: string[]; message: string },
] = [
  (v) => !v.from || !v.to || v.from.getTime() <= v.to.getTime(),
  { path: ["to"], message: "The end is before the start" },
];

export const historyFilters = z.strictObject(filterShape).refine(...endNotBeforeStart);

export type HistoryFilters = z.output<typeof historyFilters>;

export const listHistoryInput = z
  .strictObject({
    ...filterShape,
    /** `nextCursor` of the previous page; opaque. */
    cursor: z.string().min(1).max(200).optional(),
    limit: z.number().int().min(1).max(100).default(20),
  })
  .refine(...endNotBeforeStart)
  .prefault({});

export type ListHistoryInput = z.output<typeof listHistoryInput>;

export const exportHistoryInput = historyFilters.prefault({});
