// Types and enums that UI code may import: no database driver comes with them.
export * from "./generated/prisma/enums";
export type * from "./generated/prisma/models";
