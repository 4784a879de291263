import { DomainError } from "../errors";

/** Where a page ended: the last row's time and id (newest first, id breaks ties). */
export interface HistoryCursor {
  createdAt: Date;
  id: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function encodeCursor(cursor: HistoryCursor): string {
  return Buffer.from(`${cursor.createdAt.toISOString()}|${cursor.id}`, "utf8").toString("base64url");
}

/** A cursor this server did not make is INVALID_DATA on `cursor`, never a database error. */
export function decodeCursor(value: string): HistoryCursor {
  const [at, id, ...rest] = Buffer.from(value, "base64url").toString("utf8").split("|");
  const createdAt = at ? new Date(at) : null;
  if (rest.length > 0 || !createdAt || Number.isNaN(createdAt.getTime()) || !id || !UUID.test(id)) {
    throw new DomainError("INVALID_DATA", {
      fieldErrors: { cursor: ["Not a cursor of this list"] },
      fieldCodes: { cursor: ["INVALID_FORMAT"] },
    });
  }
  return { createdAt, id };
}
