import { permissionsOf, type Permission } from "./permissions";
import type { OwnAccount } from "./own-account";

export interface AccountView {
  id: number;
  login: number;
  /** The customer's name for the account; the group's name until they choose one. */
  caption: string;
  /** Whether `caption` was chosen by the customer. */
  customCaption: boolean;
  favorite: boolean;
  kind: OwnAccount["kind"];
  accountMode: OwnAccount["accountMode"];
  currency: string;
  platform: string;
  leverage: number;
  group: string;
  createdAt: string;
  archivedAt: string | null;
  mustChangePassword: boolean;
  permissions: Permission[];
}

/** What the portal knows of an account (no core call), as the list and details show it. */
export function toAccountView(account: OwnAccount): AccountView {
  return {
    id: account.id,
    login: account.login,
    caption: account.caption ?? account.group.name,
    customCaption: account.caption !== null,
    favorite: account.favorite,
    kind: account.kind,
    accountMode: account.accountMode,
    currency: account.currency,
    platform: account.platform,
    leverage: account.leverage,
    group: account.group.name,
    createdAt: account.createdAt.toISOString(),
    archivedAt: account.archivedAt?.toISOString() ?? null,
    // A wallet has no trading password to change (the wizard refuses wallets), so the
    // portal never asks for one.
    mustChangePassword: account.kind === "TRADING" && account.mustChangePassword,
    permissions: permissionsOf(account),
  };
}
