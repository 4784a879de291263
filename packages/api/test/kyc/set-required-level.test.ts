import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  getKycState,
  isKycApproved,
  KYC_STATUS,
  kycRequiredPayload,
  kycRequiredPayloadCamel,
  setRequiredLevel,
} from "../../src/index";
import { createHarness, type Harness } from "../support/harness";
import { createCustomer, request } from "./fixtures";

let h: Harness;
beforeAll(async () => {
  // A pool larger than one, so parallel calls really run in parallel transactions.
  h = await createHarness({ poolSize: 10 });
});
afterAll(() => h.close());

const require1 = (customerId: number, extra: Partial<Parameters<typeof setRequiredLevel>[1]> = {}) =>
  setRequiredLevel(h.db, {
    customerId,
    level: 1,
    reason: "real_account_required",
    source: "account_opening",
    now: h.clock.now(),
    request,
    ...extra,
  });

const rows = async (customerId: number) => ({
  profiles: await h.db.kycProfile.count({ where: { customerId } }),
  requirements: await h.db.kycRequirement.findMany({
    where: { profile: { customerId } },
    select: { level: true, reason: true, source: true },
    orderBy: { id: "asc" },
  }),
});

describe("getKycState and the payload helpers", () => {
  it("answers status 0, levels 0 and no profile id for a customer without a profile", async () => {
    const c = await createCustomer(h, "none@example.com");
    const state = await getKycState(h.db, c.id);
    expect(state).toEqual({ profileId: null, status: 0, currentLevel: 0, requiredLevel: 0 });
    expect(isKycApproved(state)).toBe(false);
    expect(await h.db.kycProfile.count({ where: { customerId: c.id } })).toBe(0);
  });

  it("builds seed 000's snake_case payload and its camelCase twin", () => {
    const state = { profileId: 1, status: KYC_STATUS.REQUIRED, currentLevel: 0, requiredLevel: 1 };
    expect(kycRequiredPayload(state)).toEqual({
      kyc_required: true,
      kyc_required_level: 1,
      kyc_status: 2,
      kyc_current_level: 0,
      kyc_profile_id: 1,
    });
    expect(kycRequiredPayloadCamel(state)).toEqual({
      kycRequired: true,
      kycRequiredLevel: 1,
      kycStatus: 2,
      kycCurrentLevel: 0,
      kycProfileId: 1,
    });
  });

  it("isKycApproved: only the APPROVED status passes, at a verified level covering the one needed (identity by default)", () => {
    const { APPROVED, PENDING_REVIEW, REQUIRED, REJECTED, NOT_REQUIRED } = KYC_STATUS;
    expect(isKycApproved({ status: APPROVED, currentLevel: 0 })).toBe(false);
    expect(isKycApproved({ status: APPROVED, currentLevel: 1 })).toBe(true);
    expect(isKycApproved({ status: APPROVED, currentLevel: 1 }, 2)).toBe(false);
    expect(isKycApproved({ status: APPROVED, currentLevel: 2 }, 2)).toBe(true);
    // Verified once, but asked for more, under review again, or rejected since: not approved.
    for (const status of [REQUIRED, PENDING_REVIEW, REJECTED, NOT_REQUIRED]) {
      expect(isKycApproved({ status, currentLevel: 1 })).toBe(false);
    }
  });
});

describe("setRequiredLevel (seed 000 KycManager::SetRequiredLevel)", () => {
  it("creates the profile with REQUIRED, the requirement, and an audit event", async () => {
    const c = await createCustomer(h, "create@example.com");
    const state = await require1(c.id);
    const profile = await h.db.kycProfile.findUniqueOrThrow({ where: { customerId: c.id } });
    expect(state).toEqual({
      profileId: profile.id,
      status: 2,
      currentLevel: 0,
      requiredLevel: 1,
      created: true,
      requirementAdded: true,
    });
    expect(kycRequiredPayload(state)).toEqual({
      kyc_required: true,
      kyc_required_level: 1,
      kyc_status: 2,
      kyc_current_level: 0,
      kyc_profile_id: profile.id,
    });
    expect(await rows(c.id)).toEqual({
      profiles: 1,
      requirements: [{ level: 1, reason: "real_account_required", source: "account_opening" }],
    });
    const audit = await h.db.auditEvent.findMany({ where: { customerId: c.id, kind: "kyc.required_level_set" } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ ip: request.ip, userAgent: request.userAgent });
    expect(audit[0]?.data).toMatchObject({ level: 1, reason: "real_account_required", source: "account_opening", profileCreated: true });
    expect(await getKycState(h.db, c.id)).toEqual({ profileId: profile.id, status: 2, currentLevel: 0, requiredLevel: 1 });
  });

  it("reuses the profile and records each (reason, source) pair once; a repeat changes and audits nothing", async () => {
    const c = await createCustomer(h, "reuse@example.com");
    const first = await require1(c.id);
    const again = await require1(c.id);
    expect(again).toMatchObject({ profileId: first.profileId, created: false, requirementAdded: false, status: 2, requiredLevel: 1 });
    const wallet = await require1(c.id, { reason: "wallet_required", source: "wallet_opening" });
    expect(wallet).toMatchObject({ profileId: first.profileId, created: false, requirementAdded: true });
    expect(await rows(c.id)).toEqual({
      profiles: 1,
      requirements: [
        { level: 1, reason: "real_account_required", source: "account_opening" },
        { level: 1, reason: "wallet_required", source: "wallet_opening" },
      ],
    });
    expect(await h.db.auditEvent.count({ where: { customerId: c.id, kind: "kyc.required_level_set" } })).toBe(2);
  });

  it("never lowers the required level", async () => {
    const c = await createCustomer(h, "lower@example.com");
    await require1(c.id, { level: 2, reason: "proof_of_address_required", source: "withdrawal" });
    const after = await require1(c.id, { level: 1 });
    expect(after).toMatchObject({ requiredLevel: 2, status: 2, requirementAdded: true });
    expect((await getKycState(h.db, c.id)).requiredLevel).toBe(2);
  });

  it("keeps PENDING_REVIEW while a submission is under review, even when the level rises", async () => {
    const c = await createCustomer(h, "pending@example.com");
    await h.db.kycProfile.create({ data: { customerId: c.id, status: KYC_STATUS.PENDING_REVIEW, currentLevel: 0, requiredLevel: 1 } });
    expect(await require1(c.id)).toMatchObject({ status: 1, requiredLevel: 1, created: false });
    expect(await require1(c.id, { level: 2, reason: "proof_of_address_required", source: "withdrawal" })).toMatchObject({
      status: 1,
      requiredLevel: 2,
    });
  });

  it("sets REQUIRED over APPROVED and REJECTED when the verified level falls short, and leaves a covered APPROVED as it is", async () => {
    const approved = await createCustomer(h, "approved@example.com");
    await h.db.kycProfile.create({ data: { customerId: approved.id, status: KYC_STATUS.APPROVED, currentLevel: 1, requiredLevel: 1 } });
    expect(await require1(approved.id)).toMatchObject({ status: 3, currentLevel: 1, requiredLevel: 1 });
    expect(await require1(approved.id, { level: 2, reason: "proof_of_address_required", source: "withdrawal" })).toMatchObject({
      status: 2,
      currentLevel: 1,
      requiredLevel: 2,
    });

    const rejected = await createCustomer(h, "rejected@example.com");
    await h.db.kycProfile.create({ data: { customerId: rejected.id, status: KYC_STATUS.REJECTED, currentLevel: 0, requiredLevel: 1 } });
    expect(await require1(rejected.id)).toMatchObject({ status: 2, requiredLevel: 1 });
  });

  it("refuses levels other than 1 and 2 and reasons that are not codes, and an unknown customer", async () => {
    const c = await createCustomer(h, "bad-args@example.com");
    await expect(require1(c.id, { level: 3 })).rejects.toThrow(RangeError);
    await expect(require1(c.id, { reason: "Because I said so" })).rejects.toThrow(RangeError);
    expect(await h.db.kycProfile.count({ where: { customerId: c.id } })).toBe(0);
    await expect(require1(999_999)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("leaves ONE profile and ONE requirement row after 10 parallel calls over a pool of 10", async () => {
    const c = await createCustomer(h, "race@example.com");
    const results = await Promise.all(Array.from({ length: 10 }, () => require1(c.id)));
    expect(await rows(c.id)).toEqual({
      profiles: 1,
      requirements: [{ level: 1, reason: "real_account_required", source: "account_opening" }],
    });
    expect(new Set(results.map((r) => r.profileId)).size).toBe(1);
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(results.filter((r) => r.requirementAdded)).toHaveLength(1);
    expect(results.every((r) => r.status === 2 && r.requiredLevel === 1)).toBe(true);
  });

  it("stays consistent when parallel calls raise different levels with different reasons", async () => {
    const c = await createCustomer(h, "race2@example.com");
    await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        require1(c.id, { level: (i % 2) + 1, reason: i % 2 ? "proof_of_address_required" : "real_account_required", source: "account_opening" }),
      ),
    );
    const state = await getKycState(h.db, c.id);
    expect(state).toMatchObject({ status: 2, requiredLevel: 2, currentLevel: 0 });
    expect((await rows(c.id)).requirements).toHaveLength(2);
  });

  it("joins the caller's transaction when given one, and rolls back with it", async () => {
    const c = await createCustomer(h, "tx@example.com");
    await expect(
      h.db.$transaction(async (tx) => {
        await setRequiredLevel(tx, { customerId: c.id, level: 1, reason: "real_account_required", source: "account_opening", now: h.clock.now() });
        throw new Error("abort");
      }),
    ).rejects.toThrow("abort");
    expect(await h.db.kycProfile.count({ where: { customerId: c.id } })).toBe(0);
  });
});
