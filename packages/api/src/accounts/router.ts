import type { TRPCRouterRecord } from "@trpc/server";
import { listOpenableGroups } from "./account-groups";
import { getAccountDetails, getLiveAccountState } from "./account-details";
import { archiveOwnAccount } from "./archive-account";
import { listAccounts } from "./list-accounts";
import { openAccount } from "./open-account";
import { openAccountByGroupId } from "./open-by-group-id";
import { restoreTradingPassword, revealRestoredPassword } from "./password-restore";
import { changeTradingPassword, confirmPasswordWizard, startPasswordWizard } from "./password-wizard";
import { transferBetweenOwnAccounts } from "./transfer";
import { updateAccount } from "./update-account";
import { customerProcedure } from "../trpc";
import { accountIdInput } from "./account-id.schema";
import { archiveAccountInput } from "./archive.schema";
import { listAccountsInput } from "./list.schema";
import { openAccountByGroupIdInput, openAccountInput } from "./open.schema";
import { changePasswordInput, confirmWizardInput, startWizardInput } from "./password-wizard.schema";
import { restorePasswordInput, revealRestoredPasswordInput } from "./restore-password.schema";
import { transferInput } from "./transfer.schema";
import { updateAccountInput } from "./update.schema";

// Every procedure below with an account id in its input acts only on the caller's own
// accounts (findOwnAccount): test/accounts/ownership-walk.test.ts proves it for each.
export const accountsRouter = {
  /** GetCustomerAccountGroups. */
  groups: customerProcedure.query(({ ctx }) => listOpenableGroups(ctx.db, ctx.session.customerId, ctx.clock.now())),

  /** OpenCustomerAccount. */
  open: customerProcedure
    .input(openAccountInput)
    .mutation(({ ctx, input }) => openAccount(ctx, { customerId: ctx.session.customerId, ...input }, ctx.request)),

  /** Seed 001 `POST /my/accounts`: OpenCustomerAccount with the group named by its id. */
  openByGroupId: customerProcedure
    .input(openAccountByGroupIdInput)
    .mutation(({ ctx, input }) =>
      openAccountByGroupId(ctx, { customerId: ctx.session.customerId, ...input }, ctx.request),
    ),

  /** Seed 001 `GET /my/accounts`: own accounts and wallets, filtered, favorites first, paged. */
  list: customerProcedure
    .input(listAccountsInput)
    .query(({ ctx, input }) => listAccounts(ctx, ctx.session.customerId, input)),

  /** Seed 001 `GET /accounts/{accountId}`: what the portal knows, without the core. */
  get: customerProcedure
    .input(accountIdInput)
    .query(({ ctx, input }) => getAccountDetails(ctx.db, ctx.session.customerId, input.accountId)),

  /** Balance, equity, leverage and state from the trading core. */
  live: customerProcedure
    .input(accountIdInput)
    .query(({ ctx, input }) => getLiveAccountState(ctx, ctx.session.customerId, input.accountId)),

  /** Seed 001 PUT/PATCH `/my/accounts/{accountId}`: caption and favorite. */
  update: customerProcedure
    .input(updateAccountInput)
    .mutation(({ ctx, input: { accountId, ...changes } }) =>
      updateAccount(ctx.db, ctx.session.customerId, accountId, changes),
    ),

  /** Money between two of the caller's own REAL accounts or wallets of one currency. */
  transfer: customerProcedure
    .input(transferInput)
    .mutation(({ ctx, input }) =>
      transferBetweenOwnAccounts(ctx, { customerId: ctx.session.customerId, ...input }, ctx.request),
    ),

  /** Seed 001 `POST /my/accounts/{accountId}/archive`, with `fallbackId`. */
  archive: customerProcedure
    .input(archiveAccountInput)
    .mutation(({ ctx, input }) => archiveOwnAccount(ctx, ctx.session, input, ctx.request)),

  /** Seed 001's trading-password wizard: start (code e-mailed), confirm (the code), change. */
  passwordWizard: {
    start: customerProcedure
      .input(startWizardInput)
      .mutation(({ ctx, input }) =>
        startPasswordWizard(ctx, { customerId: ctx.session.customerId, ...input }, ctx.request),
      ),
    confirm: customerProcedure
      .input(confirmWizardInput)
      .mutation(({ ctx, input }) => confirmPasswordWizard(ctx, { customerId: ctx.session.customerId, ...input })),
    change: customerProcedure
      .input(changePasswordInput)
      .mutation(({ ctx, input }) =>
        changeTradingPassword(ctx, { customerId: ctx.session.customerId, ...input }, ctx.request),
      ),
  },

  /** Seed 001 `POST .../password/restore`: a new password, shown once through an e-mailed link. */
  restorePassword: customerProcedure
    .input(restorePasswordInput)
    .mutation(({ ctx, input }) =>
      restoreTradingPassword(ctx, { customerId: ctx.session.customerId, ...input }, ctx.request),
    ),

  /** The e-mailed link's page: the restored password, once, to its signed-in owner. */
  revealRestoredPassword: customerProcedure
    .input(revealRestoredPasswordInput)
    .mutation(({ ctx, input }) =>
      revealRestoredPassword(ctx, { customerId: ctx.session.customerId, token: input.token }, ctx.request),
    ),
} satisfies TRPCRouterRecord;
