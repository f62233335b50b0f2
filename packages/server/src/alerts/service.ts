import type { AlertPacket } from '@peacebell/model';
import type { Store } from '../store/store.ts';
import { Deliverer, type DeliveryPolicy } from './delivery/deliverer.ts';
import type { SmtpSettings } from './delivery/smtp.ts';
import { checkRules } from './engine.ts';

export interface AlertServiceOptions {
  /** The dashboard's address for links in packets (set once the server listens). */
  baseUrl: string;
  clock: () => Date;
  smtp?: SmtpSettings;
  policy?: Partial<DeliveryPolicy>;
  log?: (line: string) => void;
  /** How often the SSE stream looks for new alerts and the deliverer for due retries. */
  pollMs?: number;
}

/**
 * The bell in a long-running process: one connection of its own (alert writes never join an
 * import's transaction), the live check after imports, and the deliverer's retries.
 */
export class AlertService {
  readonly deliverer: Deliverer;
  readonly pollMs: number;
  private checking: Promise<AlertPacket[]> | null = null;
  private again = false;

  constructor(
    readonly store: Store,
    readonly options: AlertServiceOptions,
  ) {
    this.deliverer = new Deliverer(store, options);
    this.pollMs = options.pollMs ?? 1000;
  }

  /** Checks every rule now, then sends; calls during a check make one more check after it. */
  check(): Promise<AlertPacket[]> {
    if (this.checking) {
      this.again = true;
      return this.checking;
    }
    this.checking = (async () => {
      const raised: AlertPacket[] = [];
      try {
        do {
          this.again = false;
          raised.push(...(await checkRules(this.store, this.options)));
        } while (this.again);
      } finally {
        // What the rules that worked raised goes out even when another rule failed.
        await this.deliverer.runDue();
      }
      return raised;
    })().finally(() => {
      this.checking = null;
    });
    return this.checking;
  }

  /** Resolves when no check is running (closing the connection under a running query would crash). */
  async idle(): Promise<void> {
    while (this.checking) await this.checking.catch(() => undefined);
    await this.deliverer.idle();
  }

  /** Sends due retries until the signal aborts. */
  async run(signal: AbortSignal): Promise<void> {
    while (!signal.aborted) {
      await this.deliverer
        .runDue()
        .catch((error: Error) => this.options.log?.(`alert delivery: ${error.message}`));
      await new Promise<void>((resolve) => {
        const done = () => {
          clearTimeout(timer);
          signal.removeEventListener('abort', done);
          resolve();
        };
        const timer = setTimeout(done, this.pollMs);
        signal.addEventListener('abort', done);
      });
    }
  }
}
