import { handlers } from "~/auth";
import { methodNotAllowed } from "~/server/method-not-allowed";

export const { GET, POST } = handlers;

// next-auth serves GET and POST only.
export const PUT = methodNotAllowed("GET", "POST");
export { PUT as PATCH, PUT as DELETE };
