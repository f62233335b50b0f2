import { completeness, dayRange, problems } from '../../ingest/sync/completeness.ts';
import { withStore, type Context } from '../context.ts';
import { writeRows } from '../output.ts';
import type { Settings } from '../settings.ts';
import type { GdeltFeed } from '../../sources/gdelt/file-list.ts';

/** `sync status`: completeness per day and feed, and the files that did not make it. */
export async function status(
  ctx: Context,
  settings: Settings,
  feeds: readonly GdeltFeed[],
  from?: string,
  to?: string,
  json = false,
) {
  return withStore(ctx, settings.db, async (store) => {
    const range = await dayRange(store, from, to);
    if (!range) {
      if (json) ctx.stdout.write('{"days":[],"problems":[]}\n');
      else
        ctx.stdout.write(
          'No GDELT file has been synced yet: run `peacebell sync --from DAY` or `--follow`.\n',
        );
      return 0;
    }
    const days = await completeness(store, range[0], range[1], feeds, settings.feeds.includes('translation'));
    const failures = await problems(store, range[0], range[1], feeds);
    if (json) {
      ctx.stdout.write(
        `${JSON.stringify({ from: range[0], to: range[1], days, problems: failures }, null, 2)}\n`,
      );
      return 0;
    }
    const shown = days.map((d) => ({
      ...d,
      gaps:
        d.gaps.length > 6 ? `${d.gaps.slice(0, 6).join(' ')} … (+${d.gaps.length - 6})` : d.gaps.join(' '),
    }));
    await writeRows(
      ctx,
      'table',
      ['day', 'feed', 'slots', 'imported', 'pending', 'missing', 'failed', 'gaps'],
      [shown],
    );
    if (failures.length > 0) {
      ctx.stdout.write('\n');
      await writeRows(
        ctx,
        'table',
        ['name', 'state', 'attempts', 'next_attempt_at', 'last_error'],
        [failures],
      );
    }
    return 0;
  });
}
