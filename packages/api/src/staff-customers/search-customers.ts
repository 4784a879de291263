import type { Database, Prisma } from "@brokerage/db";

export const customerSummarySelect = {
  id: true,
  email: true,
  firstName: true,
  lastName: true,
  phone: true,
  status: true,
  createdAt: true,
  accounts: { select: { login: true }, orderBy: { createdAt: "asc" } },
} satisfies Prisma.CustomerSelect;

type SummaryRow = Prisma.CustomerGetPayload<{ select: typeof customerSummarySelect }>;

export const customerSummary = (c: SummaryRow) => ({
  customerId: c.id,
  email: c.email,
  name: `${c.firstName} ${c.lastName}`,
  phone: c.phone,
  status: c.status,
  createdAt: c.createdAt.toISOString(),
  logins: c.accounts.map((a) => a.login),
});

/**
 * Customers matching every word of the query in their e-mail, first or last name or
 * phone (case-insensitive, anywhere), or holding the account login the query is;
 * newest first, paged.
 */
export async function searchCustomers(
  db: Database,
  input: { query: string; limit: number; offset: number },
) {
  const query = input.query.trim();
  const words = query.split(/\s+/).filter(Boolean).slice(0, 5);
  const byWords: Prisma.CustomerWhereInput = {
    AND: words.map((word) => {
      const digits = word.replace(/[^\d+]/g, "");
      return {
        OR: [
          { email: { contains: word, mode: "insensitive" } },
          { firstName: { contains: word, mode: "insensitive" } },
          { lastName: { contains: word, mode: "insensitive" } },
          ...(digits.length >= 3 ? [{ phone: { contains: digits } }] : []),
        ],
      } satisfies Prisma.CustomerWhereInput;
    }),
  };
  const login = /^\d{1,9}$/.test(query) ? Number(query) : null;
  const where: Prisma.CustomerWhereInput =
    login !== null ? { OR: [byWords, { accounts: { some: { login } } }] } : byWords;
  const [rows, total] = await Promise.all([
    db.customer.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: input.offset,
      take: input.limit,
      select: customerSummarySelect,
    }),
    db.customer.count({ where }),
  ]);
  return { total, items: rows.map(customerSummary) };
}
