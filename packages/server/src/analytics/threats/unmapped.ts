import { THEME_MAP_VERSION, type Grain } from '@peacebell/model';
import { sql } from '../../store/sql.ts';
import type { Store } from '../../store/store.ts';
import { resolveWindow } from '../window.ts';

export interface UnmappedThemes {
  from: string;
  to: string;
  map_version: string;
  days: { day: string; articles: number; mentions: number }[];
  themes: { theme: string; articles: number; mentions: number }[];
}

/** Themes the map does not know: mentions per day, and the most frequent over the window. */
export async function unmappedThemes(
  store: Store,
  from: string,
  to: string,
  limit: number,
): Promise<UnmappedThemes> {
  const window = sql`day >= CAST(${from} AS DATE) AND day <= CAST(${to} AS DATE)`;
  const days = await store.query<UnmappedThemes['days'][number]>(sql`
    SELECT ${store.dialect.formatDate(sql`day`, 'day')} AS day, sum(articles)::DOUBLE AS articles, sum(mentions)::DOUBLE AS mentions
    FROM gkg_unmapped_themes WHERE ${window} GROUP BY day ORDER BY day`);
  const themes = await store.query<UnmappedThemes['themes'][number]>(sql`
    SELECT theme, sum(articles)::DOUBLE AS articles, sum(mentions)::DOUBLE AS mentions
    FROM gkg_unmapped_themes WHERE ${window} GROUP BY theme ORDER BY sum(articles) DESC, sum(mentions) DESC, theme LIMIT ${limit}`);
  return { from, to, map_version: THEME_MAP_VERSION, days, themes };
}

/** The last day with GKG data, or null. */
export async function latestThreatDay(store: Store): Promise<string | null> {
  const [row] = await store.query<{ day: string | null }>(
    sql`SELECT ${store.dialect.formatDate(sql`max(day)`, 'day')} AS day FROM threat_day`,
  );
  return row?.day ?? null;
}

/** A request's window over GKG data: `to` defaults to the last day with GKG data (see resolveWindow). */
export async function resolveThreatWindow(
  store: Store,
  clock: () => Date,
  grain: Grain,
  from?: string,
  to?: string,
): Promise<{ from: string; to: string }> {
  return resolveWindow(store, clock, grain, from, to ?? (await latestThreatDay(store)) ?? undefined);
}
