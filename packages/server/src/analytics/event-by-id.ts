import { sql } from '../store/sql.ts';
import type { Store } from '../store/store.ts';
import { eventsQuery } from './events.ts';

/** One canonical event by its id (source:record id), with the listing's fields; undefined if unknown. */
export async function eventById(store: Store, id: string): Promise<Record<string, unknown> | undefined> {
  const [row] = await store.query(
    sql`SELECT * FROM (${eventsQuery({}, store.dialect)}) AS e WHERE id = ${id}`,
  );
  return row;
}
