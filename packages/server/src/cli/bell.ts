import { AlertService } from '../alerts/service.ts';
import type { Store } from '../store/store.ts';
import type { Context } from './context.ts';
import type { Settings } from './settings.ts';

export interface Bell {
  service: AlertService;
  /** Checks the rules now (after an import); failures are logged, never thrown. */
  check(): void;
  /** Waits for the retry loop to end (after the signal) and closes the bell's connection. */
  stop(): Promise<void>;
}

/**
 * The bell of a long-running command (`serve`, `sync --follow`): a store connection of its own,
 * a check after every import, and the retries of due deliveries until `signal` aborts.
 */
export async function startBell(
  ctx: Context,
  store: Store,
  settings: Settings,
  signal: AbortSignal,
): Promise<Bell> {
  const log = (line: string) => ctx.stderr.write(`${line}\n`);
  const service = new AlertService(await store.reader(), {
    baseUrl: settings.publicUrl ?? `http://${settings.host}:${settings.port}`,
    clock: ctx.clock,
    ...(settings.smtpUrl ? { smtp: { url: settings.smtpUrl, from: settings.smtpFrom } } : {}),
    log,
  });
  const delivering = service.run(signal);
  return {
    service,
    check: () => void service.check().catch((error: Error) => log(`alert check failed: ${error.message}`)),
    stop: async () => {
      await delivering;
      await service.idle();
      await service.store.close();
    },
  };
}
