// Query inputs the server pages prefetch and the client components read: one object, in a
// module that is not a client module (a server component importing a value from a
// "use client" file gets a reference, not the value, and would prefetch another key).
export const WITHDRAWAL_LIST_INPUT = { limit: 20 } as const;
