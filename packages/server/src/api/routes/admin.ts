import { ApiError, ImportRequest, ImportResult, RebuildResult } from '@peacebell/model';
import { CliError, HttpError, SourceError } from '../../errors.ts';
import { importFile, type FileSummary } from '../../ingest/import-file.ts';
import { expandInputs } from '../../ingest/inputs.ts';
import type { ApiDeps, RouteModule } from '../deps.ts';

const adminErrors = { 400: ApiError, 401: ApiError, 501: ApiError, 500: ApiError };
const security: Record<string, string[]>[] = [{ bearer: [] }, { apiKey: [] }];

/** Imports the server-side files one at a time through the importer, bumping the generation after each. */
async function importPaths(deps: ApiDeps, writer: NonNullable<ApiDeps['writer']>, paths: readonly string[]) {
  let files: string[];
  try {
    files = await expandInputs(paths);
  } catch (error) {
    if (error instanceof CliError) throw new HttpError(400, error.message, 'paths');
    throw error;
  }
  const done: ImportResult['files'] = [];
  for (const file of files) {
    let r: FileSummary;
    try {
      r = await (deps.importer ?? importFile)(writer, file, { clock: deps.clock });
    } catch (error) {
      if (!(error instanceof SourceError)) throw error;
      done.push({ ...EMPTY, file, message: error.message });
      continue;
    }
    if (r.status === 'imported') deps.onImported();
    done.push({
      file: r.file,
      format: r.format,
      status: r.status,
      rows_read: r.rowsRead,
      inserted: r.inserted,
      rejected: r.rejected,
      duplicates: r.duplicates,
      replaced: r.replaced,
      seconds: r.seconds,
      ...(r.message ? { message: r.message } : {}),
    });
  }
  return { files: done };
}

const EMPTY = {
  format: null,
  status: 'refused' as const,
  rows_read: 0,
  inserted: 0,
  rejected: 0,
  duplicates: 0,
  replaced: 0,
  seconds: 0,
};

/** `POST /imports` and `POST /rebuild`: need an API key. */
export const adminRoutes: RouteModule = (app, deps) => {
  let queue: Promise<unknown> = Promise.resolve();
  /** API imports run one after another. */
  const exclusive = <T>(fn: () => Promise<T>): Promise<T> => {
    const next = queue.then(fn, fn);
    queue = next.catch(() => undefined);
    return next;
  };

  app.post(
    '/imports',
    {
      schema: {
        summary: 'Import files, folders or globs from the server’s disk (GDELT, ACLED, UCDP, ICEWS)',
        tags: ['admin'],
        security,
        body: ImportRequest,
        response: { 200: ImportResult, ...adminErrors },
      },
      config: { admin: true },
    },
    async (req) => {
      const writer = deps.writer;
      if (!writer) throw new HttpError(501, 'this server has no write handle for imports');
      return exclusive(() => importPaths(deps, writer, req.body.paths));
    },
  );

  app.post(
    '/rebuild',
    {
      schema: {
        summary: 'Rebuild the derived tables (rollups) from the events',
        tags: ['admin'],
        security,
        response: { 200: RebuildResult, ...adminErrors },
      },
      config: { admin: true },
    },
    async () => {
      const rebuild = deps.rebuild;
      if (!rebuild) throw new HttpError(501, 'this server cannot rebuild yet');
      const t0 = performance.now();
      await exclusive(rebuild);
      deps.onImported();
      return { status: 'done' as const, seconds: (performance.now() - t0) / 1000 };
    },
  );
};
