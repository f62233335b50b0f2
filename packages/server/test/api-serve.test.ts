import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../src/cli/main.ts';
import { startServe } from './fixtures/serve-process.ts';
import { captureContext, tempDir } from './helpers.ts';

const dir = tempDir();

describe('peacebell apikey', () => {
  it('creates (printing the key once), lists and revokes keys', async () => {
    const db = join(dir, 'keys.duckdb');
    const created = captureContext();
    expect(await main(['apikey', 'create', 'dashboard', '--db', db], created.ctx)).toBe(0);
    expect(created.stdout()).toMatch(/^pb_[A-Za-z0-9_-]{32}\n$/);
    const again = captureContext();
    expect(await main(['apikey', 'create', 'dashboard', '--db', db], again.ctx)).toBe(1);
    const list = captureContext();
    expect(await main(['apikey', 'list', '--db', db], list.ctx)).toBe(0);
    expect(list.stdout()).toMatch(/dashboard\s+2026-11-26T12:00:00Z/);
    expect(list.stdout()).not.toContain(created.stdout().trim());
    expect(await main(['apikey', 'revoke', 'dashboard', '--db', db], captureContext().ctx)).toBe(0);
    expect(await main(['apikey', 'revoke', 'dashboard', '--db', db], captureContext().ctx)).toBe(1);
    const bad = captureContext();
    expect(await main(['apikey', 'create', "x' OR 1=1", '--db', db], bad.ctx)).toBe(1);
    expect(await main(['apikey', 'rotate', '--db', db], captureContext().ctx)).toBe(1);
  });
});

describe('peacebell serve', () => {
  it('listens on 127.0.0.1, answers health over loopback, names itself to other commands, stops on SIGTERM', async () => {
    const db = join(dir, 'serve.duckdb');
    const { proc, api: url, exited } = await startServe(['--db', db, '--port', '0', '--no-follow']);
    try {
      const health = await fetch(`${url}/api/v1/health`);
      expect(health.status).toBe(200);
      expect(await health.json()).toMatchObject({ status: 'ok', store: db });
      expect(existsSync(`${db}.serve.json`)).toBe(true);
      const other = captureContext();
      expect(await main(['stats', '--db', db], other.ctx)).toBe(3);
      expect(other.stderr()).toContain(`use its API at ${url}/api/v1`);
      expect(other.stderr()).toMatch(/held by peacebell serve \(process \d+\)/);
    } finally {
      proc.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
    expect(existsSync(`${db}.serve.json`)).toBe(false);
  });
});
