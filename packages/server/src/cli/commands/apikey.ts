import { createApiKey, listApiKeys, revokeApiKey } from '../../api/keys.ts';
import { CliError } from '../../errors.ts';
import type { Command } from '../command.ts';
import { withStore } from '../context.ts';
import { writeRows } from '../output.ts';

const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

export const apikeyCommand: Command = {
  name: 'apikey',
  summary: "API keys for the HTTP API's write and admin endpoints (only their SHA-256 is stored)",
  usage: 'peacebell apikey create NAME | apikey list | apikey revoke NAME',
  options: {},
  async run(ctx, { positionals, db }) {
    const [action, name, ...extra] = positionals;
    if (extra.length > 0) throw new CliError(`unexpected ${extra.join(' ')}; usage: ${this.usage}`);
    if (action === 'list') {
      const keys = await withStore(ctx, db, listApiKeys);
      if (keys.length === 0) ctx.stdout.write('No API keys.\n');
      else await writeRows(ctx, 'table', ['name', 'created_at', 'revoked_at'], [keys]);
      return 0;
    }
    if (action !== 'create' && action !== 'revoke') throw new CliError(`usage: ${this.usage}`);
    if (!name || !NAME.test(name)) {
      throw new CliError('a key NAME is letters, digits, dot, dash or underscore (at most 64)');
    }
    if (action === 'create') {
      const key = await withStore(ctx, db, (store) => createApiKey(store, name, ctx.clock()));
      if (!key) throw new CliError(`an API key named ${name} exists already; revoke it or pick another name`);
      ctx.stderr.write(`API key ${name} created; it is shown this once (only its hash is stored):\n`);
      ctx.stdout.write(`${key}\n`);
      return 0;
    }
    if (!(await withStore(ctx, db, (store) => revokeApiKey(store, name, ctx.clock())))) {
      throw new CliError(`no active API key named ${name}`);
    }
    ctx.stderr.write(`API key ${name} revoked\n`);
    return 0;
  },
};
