import { handleTrpcRequest } from "~/server/trpc-handler";

// Every call reads the session and the database: never cached, never prerendered.
export const dynamic = "force-dynamic";

export { handleTrpcRequest as GET, handleTrpcRequest as POST };
