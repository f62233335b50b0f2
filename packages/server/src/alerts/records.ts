import { AlertPacket, HOTSPOT_LEVELS, type AlertRecord, type AlertsQuery } from '@peacebell/model';
import { HttpError } from '../errors.ts';
import { join, list, sql, type Sql } from '../store/sql.ts';
import type { Dialect, Store } from '../store/store.ts';

interface Row {
  seq: number | bigint;
  alert_id: string;
  rule: string;
  day: string;
  severity: AlertRecord['severity'];
  title: string;
  muted: boolean;
  acknowledged_at: string | null;
  raised_at: string;
  packet: string;
}

const select = (
  d: Dialect,
) => sql`SELECT a.seq, a.alert_id, coalesce(r.name, '(deleted rule)') AS rule, ${d.formatDate(sql`a.day`, 'day')} AS day,
    a.severity, a.title, a.muted, ${d.formatDate(sql`a.acknowledged_at`, 'time')} AS acknowledged_at,
    ${d.formatDate(sql`a.raised_at`, 'time')} AS raised_at, a.packet
  FROM alerts a LEFT JOIN alert_rules r USING (rule_id)`;

const fromRow = (r: Row): AlertRecord => ({
  seq: Number(r.seq),
  id: r.alert_id,
  rule: r.rule,
  day: r.day,
  severity: r.severity,
  title: r.title,
  muted: r.muted,
  acknowledged_at: r.acknowledged_at,
  raised_at: r.raised_at,
  packet: AlertPacket.parse(JSON.parse(r.packet)),
});

export type AlertFilter = Partial<Omit<AlertsQuery, 'unacknowledged'>> & { unacknowledged?: boolean };

/** Newest first; with `after`, the alerts after that seq, oldest first (for followers). */
export async function listAlerts(store: Store, q: AlertFilter): Promise<AlertRecord[]> {
  const where: Sql[] = [sql`TRUE`];
  if (q.rule) where.push(sql`r.name = ${q.rule}`);
  const d = store.dialect;
  if (q.country)
    where.push(
      sql`(${d.jsonText(sql`a.packet`, '$.where.country')} = ${q.country} OR ${d.jsonText(sql`a.packet`, '$.where.partner')} = ${q.country})`,
    );
  if (q.severity)
    where.push(sql`a.severity IN (${list(HOTSPOT_LEVELS.slice(HOTSPOT_LEVELS.indexOf(q.severity)))})`);
  if (q.unacknowledged) where.push(sql`a.acknowledged_at IS NULL`);
  if (q.after !== undefined) where.push(sql`a.seq > ${q.after}`);
  const order = q.after !== undefined ? sql`a.seq ASC` : sql`a.seq DESC`;
  const rows = await store.query<Row>(
    sql`${select(store.dialect)} WHERE ${join(where, ' AND ')} ORDER BY ${order} LIMIT ${q.limit ?? 50}`,
  );
  return rows.map(fromRow);
}

export async function getAlert(store: Store, id: string): Promise<AlertRecord> {
  const [row] = await store.query<Row>(sql`${select(store.dialect)} WHERE a.alert_id = ${id}`);
  if (!row) throw new HttpError(404, `no alert ${id}`);
  return fromRow(row);
}

export async function unacknowledgedCount(store: Store): Promise<number> {
  const [row] = await store.query<{ n: number }>(
    sql`SELECT count(*)::INTEGER AS n FROM alerts WHERE acknowledged_at IS NULL AND NOT muted`,
  );
  return row?.n ?? 0;
}

/** Marks alerts as seen (idempotent: the first acknowledgement's time is kept). */
export async function acknowledge(store: Store, ids: readonly string[], now: Date): Promise<number> {
  let n = 0;
  for (const id of ids) {
    const alert = await getAlert(store, id);
    if (alert.acknowledged_at !== null) continue;
    await store.exec(sql`UPDATE alerts SET acknowledged_at = CAST(${now} AS TIMESTAMP)
      WHERE alert_id = ${id} AND acknowledged_at IS NULL`);
    n++;
  }
  return n;
}
