import { sql } from '../store/sql.ts';
import type { Store } from '../store/store.ts';
import type { EpisodeState } from './episodes.ts';

/**
 * A rule's episodes and its progress (`evaluated_through`) are stored as one write: the episodes a
 * check changed go into the rule's row with the new progress (`episodes_pending`), then into
 * `alert_episodes`, then the row lets go of them. Episodes ahead of the progress they were
 * computed for would ring escalations that never happened, so on ClickHouse, whose writes are
 * made one by one, a check cut after the rule's row was written has its episodes applied by the
 * next check before it reads them; cut before, the next starts from the old episodes and progress.
 */

/** The stored form of each episode, to write back only those a check changed. */
export type EpisodeSnapshot = ReadonlyMap<string, string>;

async function read(store: Store, ruleId: number): Promise<Map<string, EpisodeState>> {
  const d = store.dialect;
  const rows =
    await store.query<EpisodeState>(sql`SELECT subject, ${d.formatDate(sql`started`, 'day')} AS started,
    ${d.formatDate(sql`last_day`, 'day')} AS last_day, severity FROM alert_episodes WHERE rule_id = ${ruleId}`);
  return new Map(rows.map((r) => [r.subject, r]));
}

async function apply(
  store: Store,
  ruleId: number,
  changed: readonly EpisodeState[],
  stored: ReadonlySet<string>,
): Promise<void> {
  for (const e of changed) {
    const started = sql`CAST(${e.started} AS DATE)`;
    const last = sql`CAST(${e.last_day} AS DATE)`;
    await store.exec(
      stored.has(e.subject)
        ? sql`UPDATE alert_episodes SET started = ${started}, last_day = ${last}, severity = ${e.severity}
            WHERE rule_id = ${ruleId} AND subject = ${e.subject}`
        : sql`INSERT INTO alert_episodes VALUES (${ruleId}, ${e.subject}, ${started}, ${last}, ${e.severity})`,
    );
  }
  await store.exec(sql`UPDATE alert_rules SET episodes_pending = NULL WHERE rule_id = ${ruleId}`);
}

/** A rule's episodes (finishing first the write of a check that was cut), and their snapshot. */
export async function loadEpisodes(
  store: Store,
  ruleId: number,
): Promise<{ state: Map<string, EpisodeState>; before: EpisodeSnapshot }> {
  const [rule] = await store.query<{ pending: string | null }>(
    sql`SELECT episodes_pending AS pending FROM alert_rules WHERE rule_id = ${ruleId}`,
  );
  let state = await read(store, ruleId);
  if (rule?.pending) {
    const pending = JSON.parse(rule.pending) as EpisodeState[];
    const stored = new Set(state.keys());
    await store.transaction((tx) => apply(tx, ruleId, pending, stored));
    state = await read(store, ruleId);
  }
  return { state, before: new Map([...state].map(([key, e]) => [key, JSON.stringify(e)])) };
}

/** Writes a check's progress and the episodes it changed (inside the check's transaction). */
export async function saveEpisodes(
  tx: Store,
  ruleId: number,
  state: ReadonlyMap<string, EpisodeState>,
  before: EpisodeSnapshot,
  through: string,
): Promise<void> {
  const changed = [...state.values()].filter((e) => before.get(e.subject) !== JSON.stringify(e));
  await tx.exec(sql`UPDATE alert_rules SET evaluated_through = CAST(${through} AS DATE),
      episodes_pending = ${changed.length > 0 ? JSON.stringify(changed) : null}
    WHERE rule_id = ${ruleId}`);
  if (changed.length > 0) await apply(tx, ruleId, changed, new Set(before.keys()));
}
