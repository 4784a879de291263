import { handleTrpcRequest } from "~/server/trpc-handler";

// Every call reads the session and the database: never cached, never prerendered.
export const dynamic = "force-dynamic";

// Every method: the handler answers the ones it does not serve with the router's JSON 405
// (Next's own 405 has no body).
export {
  handleTrpcRequest as GET,
  handleTrpcRequest as POST,
  handleTrpcRequest as PUT,
  handleTrpcRequest as PATCH,
  handleTrpcRequest as DELETE,
  handleTrpcRequest as OPTIONS,
};
