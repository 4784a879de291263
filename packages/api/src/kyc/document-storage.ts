import { randomUUID } from "node:crypto";
import { link, mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";

/**
 * Where KYC files live. Keys are opaque ids chosen by the portal (never a name the
 * customer typed), so a deployment can swap the local directory for an object store.
 */
export interface DocumentStorage {
  put(key: string, bytes: Buffer): Promise<void>;
  /** Rejects when the key holds nothing. */
  get(key: string): Promise<Buffer>;
  /** Does nothing when the key holds nothing. */
  delete(key: string): Promise<void>;
}

const KEY = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** A fresh storage key: a random UUID. */
export function newDocumentKey(): string {
  return randomUUID();
}

/**
 * Files in a local directory (outside any web root). Only lower-case UUIDs are accepted
 * as keys, so no key can name a path outside `dir`; they are spread over 256
 * sub-directories so no single directory grows without bound.
 */
export function createLocalDocumentStorage(dir: string): DocumentStorage {
  const root = path.resolve(dir);
  const fileFor = (key: string) => {
    if (!KEY.test(key)) throw new Error("Invalid document storage key");
    return path.join(root, key.slice(0, 2), key);
  };
  return {
    async put(key, bytes) {
      const file = fileFor(key);
      await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
      // Written aside and then linked under its key, so a crash never leaves half a
      // document there, and (unlike rename) a link never replaces an existing file.
      const partial = `${file}.${randomUUID()}.partial`;
      try {
        await writeFile(partial, bytes, { flag: "wx", mode: 0o600 });
        await link(partial, file);
      } finally {
        await rm(partial, { force: true });
      }
    },
    async get(key) {
      return readFile(fileFor(key));
    },
    async delete(key) {
      await rm(fileFor(key), { force: true });
    },
  };
}
