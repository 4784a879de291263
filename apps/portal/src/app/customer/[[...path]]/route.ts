import { handleCustomerApi as handle } from "~/server/customer-http-api";

// Every call reads the database: never cached, never prerendered.
export const dynamic = "force-dynamic";
export const runtime = "nodejs";

// Every method, so wrong ones get the API's JSON 405 and preflights its CORS answer.
export { handle as GET, handle as POST, handle as PUT, handle as PATCH, handle as DELETE, handle as HEAD, handle as OPTIONS };
