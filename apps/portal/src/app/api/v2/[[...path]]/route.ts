import { handleCustomerApi as handle } from "~/server/customer-http-api";

// Seed 001's client accounts API at its own paths (/api/v2/my/accounts...): the same
// handler as /customer/..., which matches the path itself.
export const dynamic = "force-dynamic";
export const runtime = "nodejs";

export { handle as GET, handle as POST, handle as PUT, handle as PATCH, handle as DELETE, handle as HEAD, handle as OPTIONS };
