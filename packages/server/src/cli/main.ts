import { parseArgs } from 'node:util';
import { CliError, ParamError, QueryError, SourceError } from '../errors.ts';
import type { Command } from './command.ts';
import { alertsCommand } from './commands/alerts.ts';
import { apikeyCommand } from './commands/apikey.ts';
import { compareCommand } from './commands/compare.ts';
import { copyCommand } from './commands/copy.ts';
import { eventsCommand } from './commands/events.ts';
import { hotspotsCommand } from './commands/hotspots.ts';
import { importCommand } from './commands/import.ts';
import { indicatorsCommand } from './commands/indicators.ts';
import { migrateCommand } from './commands/migrate.ts';
import { pairCommand } from './commands/pair.ts';
import { rebuildCommand } from './commands/rebuild.ts';
import { rejectsCommand } from './commands/rejects.ts';
import { serveCommand } from './commands/serve.ts';
import { statsCommand } from './commands/stats.ts';
import { syncCommand } from './commands/sync.ts';
import { threatsCommand } from './commands/threats.ts';
import type { Context } from './context.ts';
import { commandHelp, mainHelp } from './help.ts';

export const COMMANDS: readonly Command[] = [
  importCommand,
  syncCommand,
  statsCommand,
  eventsCommand,
  compareCommand,
  indicatorsCommand,
  pairCommand,
  hotspotsCommand,
  alertsCommand,
  threatsCommand,
  rejectsCommand,
  rebuildCommand,
  serveCommand,
  apikeyCommand,
  copyCommand,
  migrateCommand,
];

const GLOBAL = {
  db: { type: 'string', description: 'the store file (default $PEACEBELL_DB, else ./peacebell.duckdb)' },
  store: {
    type: 'string',
    description: 'the store: a DuckDB file or clickhouse://user:pass@host:8123/db (default $PEACEBELL_STORE)',
  },
  debug: { type: 'boolean', description: 'print stack traces and SQL on errors' },
  help: { type: 'boolean', short: 'h', description: 'show help' },
} as const;

const defaultContext = (): Context => ({
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  clock: () => new Date(),
});

/** Runs the CLI; the one place errors become messages and exit codes. */
export async function main(argv: readonly string[], ctx: Context = defaultContext()): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    const topic = COMMANDS.find((c) => c.name === rest[0]);
    ctx.stdout.write(topic ? commandHelp(topic, GLOBAL) : mainHelp(COMMANDS, GLOBAL));
    return 0;
  }
  if (name === '--version') {
    ctx.stdout.write('peacebell 0.1.0\n');
    return 0;
  }
  const command = COMMANDS.find((c) => c.name === name);
  let debug = rest.includes('--debug');
  try {
    if (!command) throw new CliError(`unknown command ${name}; run \`peacebell help\` for the list`);
    const { values, positionals } = parseArgs({
      args: [...rest],
      options: { ...GLOBAL, ...command.options },
      allowPositionals: true,
      strict: true,
    });
    debug = values.debug === true;
    if (values.help) {
      ctx.stdout.write(commandHelp(command, GLOBAL));
      return 0;
    }
    return await command.run(ctx, {
      values,
      positionals,
      db: (values.store ?? values.db) as string | undefined,
    });
  } catch (error) {
    return report(ctx, error, debug);
  }
}

function report(ctx: Context, error: unknown, debug: boolean): number {
  const err = ctx.stderr;
  if (error instanceof CliError) {
    err.write(`peacebell: ${error.message}\n`);
    return error.exitCode;
  }
  if (error instanceof ParamError) {
    err.write(`peacebell: --${error.message}\n`);
    return 1;
  }
  if (error instanceof SourceError) {
    err.write(`peacebell: input refused: ${error.message}\n`);
    return 2;
  }
  if (error instanceof QueryError) {
    err.write(`peacebell: store error: ${error.message}\n`);
    if (debug) err.write(`${error.sql}\n${error.stack ?? ''}\n`);
    return 3;
  }
  if (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS')) {
    err.write(`peacebell: ${error.message}\n`);
    return 1;
  }
  err.write(`peacebell: ${error instanceof Error ? error.message : String(error)}\n`);
  if (debug && error instanceof Error) err.write(`${error.stack ?? ''}\n`);
  return 3;
}
