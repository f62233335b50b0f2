import type { Grain, Source } from '@peacebell/model';
import { resolveWindow } from '../analytics/window.ts';
import type { Store } from '../store/store.ts';
import type { OptionSpec } from './command.ts';
import type { Context } from './context.ts';
import { parseDay, parseSources } from './values.ts';

/** The options of commands that read a window of time: --from, --to, --source, --format. */
export const WINDOW_OPTIONS: Record<string, OptionSpec> = {
  from: { type: 'string', description: 'first UTC day (default: 90 days, 52 weeks or 24 months back)' },
  to: { type: 'string', description: 'last UTC day (default: the last day with data)' },
  source: { type: 'string', description: 'only these sources, comma-separated' },
  format: { type: 'string', description: 'table, csv, json or ndjson' },
};

/** The window the flags ask for, with the defaults of `resolveWindow`. */
export async function windowFromFlags(
  ctx: Context,
  store: Store,
  grain: Grain,
  values: Record<string, unknown>,
): Promise<{ from: string; to: string; sources: Source[] }> {
  const str = (k: string) => values[k] as string | undefined;
  const window = await resolveWindow(
    store,
    ctx.clock,
    grain,
    parseDay(str('from'), '--from'),
    parseDay(str('to'), '--to'),
  );
  return { ...window, sources: parseSources(str('source')) };
}
