import type { RequestMeta } from "../context";
import { DomainError } from "../errors";
import { openAccount, type OpenAccountInput, type OpeningDeps } from "./open-account";

/**
 * Seed 001's "create a new account": the group (its "product currency") is named by id.
 * The id only finds the group's name; everything else is OpenCustomerAccount's, in its
 * order (an id of a disabled, non-public or other brand's group answers as its name would).
 */
export async function openAccountByGroupId(
  deps: OpeningDeps,
  input: Omit<OpenAccountInput, "group"> & { groupId: number },
  request: RequestMeta,
) {
  const group = await deps.db.accountGroup.findUnique({ where: { id: input.groupId }, select: { name: true } });
  if (!group) throw new DomainError("INVALID_GROUP");
  const { groupId: _groupId, ...rest } = input;
  return openAccount(deps, { ...rest, group: group.name }, request);
}
