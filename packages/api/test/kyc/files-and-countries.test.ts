import { mkdtemp, readdir, rm, stat } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { isCountryCode } from "@brokerage/validators";
import { createLocalDocumentStorage, newDocumentKey } from "../../src/kyc/document-storage";
import { sniffDocumentType } from "../../src/kyc/file-content-type";
import { bytesOf } from "./fixtures";

describe("country codes (ISO 3166-1 alpha-2)", () => {
  it("accepts assigned codes and refuses look-alikes that are not countries", () => {
    for (const code of ["DE", "FR", "GB", "US", "SS", "BQ", "CW", "SX", "AX", "PS", "TW", "HK"]) expect(isCountryCode(code)).toBe(true);
    for (const code of ["UK", "EU", "SU", "YU", "AN", "ZZ", "XX", "QO", "EL", "de", "DEU", "D", ""]) expect(isCountryCode(code)).toBe(false);
  });
});

describe("document type by content", () => {
  it("recognises JPEG, PNG and PDF by their first bytes, whatever the name", () => {
    expect(sniffDocumentType(bytesOf.jpeg())).toBe("image/jpeg");
    expect(sniffDocumentType(bytesOf.png())).toBe("image/png");
    expect(sniffDocumentType(bytesOf.pdf())).toBe("application/pdf");
  });

  it("refuses executables, truncated signatures, text and nothing", () => {
    expect(sniffDocumentType(bytesOf.elf())).toBeNull();
    expect(sniffDocumentType(bytesOf.mz())).toBeNull();
    expect(sniffDocumentType(Buffer.from([0xff, 0xd8]))).toBeNull();
    expect(sniffDocumentType(Buffer.from([0x89, 0x50, 0x4e, 0x47]))).toBeNull();
    expect(sniffDocumentType(Buffer.from("%PDF"))).toBeNull();
    expect(sniffDocumentType(Buffer.from("<html><script>alert(1)</script>"))).toBeNull();
    expect(sniffDocumentType(Buffer.alloc(0))).toBeNull();
  });
});

describe("local document storage", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), "kyc-storage-test-"));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it("stores, reads and deletes by random key, owner-only", async () => {
    const storage = createLocalDocumentStorage(dir);
    const key = newDocumentKey();
    await storage.put(key, Buffer.from("hello"));
    expect((await storage.get(key)).toString()).toBe("hello");
    const files = await readdir(dir, { recursive: true, withFileTypes: true });
    const stored = files.filter((f) => f.isFile());
    expect(stored.map((f) => f.name)).toEqual([key]);
    expect((await stat(path.join(stored[0]!.parentPath, key))).mode & 0o777).toBe(0o600);
    await storage.delete(key);
    await storage.delete(key);
    await expect(storage.get(key)).rejects.toThrow();
  });

  it("never replaces a stored file", async () => {
    const storage = createLocalDocumentStorage(dir);
    const key = newDocumentKey();
    await storage.put(key, Buffer.from("first"));
    await expect(storage.put(key, Buffer.from("second"))).rejects.toThrow();
    expect((await storage.get(key)).toString()).toBe("first");
    const leftovers = (await readdir(dir, { recursive: true })).filter((f) => String(f).endsWith(".partial"));
    expect(leftovers).toEqual([]);
  });

  it("refuses any key that is not a UUID, so no key can reach outside its directory", async () => {
    const storage = createLocalDocumentStorage(dir);
    for (const key of ["../escape", "../../etc/passwd", "/etc/passwd", "a/b", "", "passport.jpg", "00000000-0000-4000-8000-000000000000/../x"]) {
      await expect(storage.put(key, Buffer.from("x"))).rejects.toThrow("Invalid document storage key");
      await expect(storage.get(key)).rejects.toThrow("Invalid document storage key");
      await expect(storage.delete(key)).rejects.toThrow("Invalid document storage key");
    }
  });
});

describe("KYC_STORAGE_DIR", () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.resetModules();
  });

  it("is unset by default: documents go to PostgreSQL", async () => {
    vi.stubEnv("KYC_STORAGE_DIR", undefined);
    vi.resetModules();
    const { env } = await import("../../src/env");
    expect(env.kycStorageDir).toBeUndefined();
  });

  it("follows the variable, resolved to an absolute path", async () => {
    vi.stubEnv("KYC_STORAGE_DIR", "/srv/kyc");
    vi.resetModules();
    expect((await import("../../src/env")).env.kycStorageDir).toBe("/srv/kyc");
  });
});
