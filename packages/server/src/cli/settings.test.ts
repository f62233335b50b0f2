import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { captureContext, tempDir } from '../../test/helpers.ts';
import { DEFAULT_BASE_URL, loadSettings } from './settings.ts';

const dir = tempDir();

describe('settings', () => {
  it('defaults, then the config file, then the environment, then flags', () => {
    const config = join(dir, 'peacebell.config.json');
    writeFileSync(
      config,
      JSON.stringify({ feeds: ['events', 'mentions'], concurrency: 2, pollSeconds: 60, cache: '/c' }),
    );
    const { ctx } = captureContext({
      PEACEBELL_CONFIG: config,
      PEACEBELL_CONCURRENCY: '6',
      PEACEBELL_POLL_SECONDS: '30',
    });
    const settings = loadSettings(ctx, { pollSeconds: '5' });
    expect(settings).toMatchObject({
      baseUrl: DEFAULT_BASE_URL,
      feeds: ['events', 'mentions'],
      concurrency: 6,
      pollSeconds: 5,
      cache: '/c',
      backfillHours: 24,
    });
    expect(loadSettings(captureContext({}).ctx, { config, feeds: 'events,translation' }).feeds).toEqual([
      'events',
      'translation',
    ]);
  });

  it('names the setting and the sources when a value is wrong', () => {
    const { ctx } = captureContext({ PEACEBELL_CONCURRENCY: 'many' });
    expect(() => loadSettings(ctx, {})).toThrow(/concurrency/);
    expect(() => loadSettings(captureContext({}).ctx, { feeds: 'events,gossip' })).toThrow(/feeds/);
    expect(() => loadSettings(captureContext({}).ctx, { baseUrl: 'not a url' })).toThrow(/baseUrl/);
    expect(() => loadSettings(captureContext({}).ctx, { config: join(dir, 'nope.json') })).toThrow(
      /does not exist/,
    );
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{ "pollSeconds": 5, ');
    expect(() => loadSettings(captureContext({}).ctx, { config: bad })).toThrow(/not valid JSON/);
    writeFileSync(bad, '{ "pollSecs": 5 }');
    expect(() => loadSettings(captureContext({}).ctx, { config: bad })).toThrow(/pollSecs/);
  });
});
