import type { Delivery } from '@peacebell/model';
import { sql } from '../store/sql.ts';
import type { Store } from '../store/store.ts';

/** Deliveries newest first; `dead` is the dead-letter list. */
export async function listDeliveries(
  store: Store,
  state: Delivery['state'] | undefined,
  limit: number,
): Promise<Delivery[]> {
  const where = state ? sql`d.state = ${state}` : sql`TRUE`;
  return store.query<Delivery>(sql`
    SELECT d.alert_id AS alert_id, coalesce(r.name, '(deleted rule)') AS rule, d.channel, d.target, d.state, d.attempts,
      ${store.dialect.formatDate(sql`d.next_attempt_at`, 'time')} AS next_attempt_at, d.last_error,
      ${store.dialect.formatDate(sql`d.delivered_at`, 'time')} AS delivered_at
    FROM alert_deliveries d JOIN alerts a ON a.alert_id = d.alert_id LEFT JOIN alert_rules r ON r.rule_id = a.rule_id
    WHERE ${where} ORDER BY a.seq DESC, d.channel, d.target LIMIT ${limit}`);
}

/** Puts dead letters (or one alert's) back in the queue, due now. */
export async function retryDead(store: Store, now: Date, alertId?: string): Promise<number> {
  const where = sql`state = 'dead'${alertId ? sql` AND alert_id = ${alertId}` : sql``}`;
  const [dead] = await store.query<{ n: number }>(
    sql`SELECT CAST(count(*) AS INTEGER) AS n FROM alert_deliveries WHERE ${where}`,
  );
  if (!dead?.n) return 0;
  await store.exec(sql`UPDATE alert_deliveries SET state = 'pending', attempts = 0,
      next_attempt_at = CAST(${now} AS TIMESTAMP) WHERE ${where}`);
  return dead.n;
}
