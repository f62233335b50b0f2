import { storeTokens, syncAcled, syncUcdp } from '../../ingest/api-sync.ts';
import { AcledAuthError, AcledClient } from '../../sources/acled/client.ts';
import { isUcdpVersion, UcdpClient } from '../../sources/ucdp/client.ts';
import { CliError } from '../../errors.ts';
import { withStore, type Context } from '../context.ts';
import { ANY_STORE } from '../staged-import.ts';
import { writeRows } from '../output.ts';
import type { Settings } from '../settings.ts';
import { parseDay } from '../values.ts';

/** `sync --source acled|ucdp`: the sources' APIs into the store. */
export async function syncApi(
  ctx: Context,
  s: Settings,
  source: 'acled' | 'ucdp',
  values: Record<string, unknown>,
) {
  const log = (line: string) => ctx.stderr.write(`${ctx.clock().toISOString()} ${line}\n`);
  const since = parseDay(values.since as string | undefined, '--since');
  const version = values.version as string | undefined;
  if (source === 'ucdp' && (!version || !isUcdpVersion(version))) {
    throw new CliError('sync --source ucdp needs --version, e.g. 25.1 (GED) or 25.0.9 (Candidate)');
  }
  return withStore(ctx, s.db, async (store) => {
    let result;
    try {
      if (source === 'acled') {
        const client = new AcledClient({
          baseUrl: s.acledUrl,
          tokens: storeTokens(store, ctx.clock),
          clock: ctx.clock,
          log,
          ...(s.acledUsername && s.acledPassword
            ? { credentials: { username: s.acledUsername, password: s.acledPassword } }
            : {}),
        });
        const epoch = since === undefined ? undefined : Date.parse(`${since}T00:00:00Z`) / 1000;
        result = await syncAcled(store, client, {
          ...(epoch === undefined ? {} : { since: epoch }),
          clock: ctx.clock,
          log,
          writes: ANY_STORE,
        });
      } else {
        const client = new UcdpClient({
          baseUrl: s.ucdpUrl,
          log,
          ...(s.ucdpToken ? { token: s.ucdpToken } : {}),
        });
        result = await syncUcdp(store, client, {
          version: version as string,
          clock: ctx.clock,
          log,
          writes: ANY_STORE,
        });
      }
    } catch (error) {
      if (
        error instanceof AcledAuthError ||
        /needs --since|access token|HTTP 40[13]/.test((error as Error).message)
      ) {
        throw new CliError((error as Error).message, 2);
      }
      throw error;
    }
    if (values.json) ctx.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    else await writeRows(ctx, 'table', Object.keys(result), [[result]]);
    return 0;
  });
}
