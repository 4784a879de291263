// KYC files in PostgreSQL (the default storage): what one instance stores, another
// serves; the database holds only ciphertext bound to its key.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDatabaseDocumentStorage, documentsKey } from "../../src/kyc/database-document-storage";
import { newDocumentKey } from "../../src/kyc/document-storage";
import { createHarness, type Harness } from "../support/harness";
import { bytesOf } from "./fixtures";

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

describe("the database document storage", () => {
  it("serves through a second instance what the first stored, byte for byte", async () => {
    const first = createDatabaseDocumentStorage(h.db);
    const second = createDatabaseDocumentStorage(h.db);
    const key = newDocumentKey();
    const pdf = bytesOf.pdf(300_000);
    await first.put(key, pdf);
    expect((await second.get(key)).equals(pdf)).toBe(true);
  });

  it("keeps only ciphertext: the stored bytes are not the file and hold no run of it", async () => {
    const key = newDocumentKey();
    const jpeg = bytesOf.jpeg(4096);
    await h.documents.put(key, jpeg);
    const blob = await h.db.kycDocumentBlob.findUniqueOrThrow({ where: { key } });
    const stored = Buffer.from(blob.ciphertext);
    expect(stored.length).toBe(jpeg.length);
    expect(stored.equals(jpeg)).toBe(false);
    expect(stored.includes(Buffer.from("AAAAAAAAAAAAAAAA"))).toBe(false);
  });

  it("refuses a blob moved under another key, a wrong key, and a tampered byte", async () => {
    const key = newDocumentKey();
    await h.documents.put(key, bytesOf.png());
    const blob = await h.db.kycDocumentBlob.findUniqueOrThrow({ where: { key } });
    const moved = randomUUID();
    await h.db.kycDocumentBlob.create({ data: { ...blob, key: moved } });
    await expect(h.documents.get(moved)).rejects.toThrow();
    await expect(createDatabaseDocumentStorage(h.db, Buffer.alloc(32, 7)).get(key)).rejects.toThrow();
    const tampered = Buffer.from(blob.ciphertext);
    tampered[10] = tampered[10]! ^ 1;
    await h.db.kycDocumentBlob.update({ where: { key }, data: { ciphertext: new Uint8Array(tampered) } });
    await expect(h.documents.get(key)).rejects.toThrow();
  });

  it("writes a key once, refuses keys that are not UUIDs, and deletes", async () => {
    const key = newDocumentKey();
    await h.documents.put(key, bytesOf.pdf());
    await expect(h.documents.put(key, bytesOf.jpeg())).rejects.toThrow();
    expect((await h.documents.get(key)).subarray(0, 4).toString()).toBe("%PDF");
    for (const bad of ["../etc/passwd", "", "ABC", `${key}x`]) {
      await expect(h.documents.put(bad, bytesOf.pdf()), bad).rejects.toThrow("Invalid document storage key");
    }
    await h.documents.delete(key);
    await expect(h.documents.get(key)).rejects.toThrow();
    await h.documents.delete(key);
  });

  it("derives its key from OTP_ENCRYPTION_KEY, distinct from it", () => {
    expect(documentsKey()).toHaveLength(32);
    expect(documentsKey().equals(documentsKey())).toBe(true);
  });
});
