// Stands in for `server-only`, which throws when imported outside a React Server bundle.
export {};
