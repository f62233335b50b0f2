import { HttpError } from '../errors.ts';

/** The keyset position of an events page: the last (event_date, id) it held. */
export interface EventCursor {
  event_date: string;
  id: string;
}

/** An opaque base64url token for the position after `row`. */
export function encodeCursor(row: EventCursor): string {
  return Buffer.from(JSON.stringify([row.event_date, row.id]), 'utf8').toString('base64url');
}

/** The position a token encodes; anything else is a 400 naming the cursor. */
export function decodeCursor(token: string): EventCursor {
  try {
    const value: unknown = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
    if (
      Array.isArray(value) &&
      value.length === 2 &&
      typeof value[0] === 'string' &&
      /^\d{4}-\d{2}-\d{2}$/.test(value[0]) &&
      typeof value[1] === 'string'
    ) {
      return { event_date: value[0], id: value[1] };
    }
  } catch {
    // falls through to the error below
  }
  throw new HttpError(400, 'cursor must be a next_cursor value returned by this endpoint', 'cursor');
}
