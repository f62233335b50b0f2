import { HttpStatusError, requestJson, type HttpOptions } from '../util/http-json.ts';

export interface AcledCredentials {
  username: string;
  password: string;
}

export interface AcledTokens {
  accessToken: string;
  refreshToken: string;
  /** ISO times. */
  accessExpiresAt: string;
  refreshExpiresAt: string;
}

/** Where tokens are kept between runs, so a refresh needs no password. */
export interface TokenStore {
  load(): Promise<AcledTokens | undefined>;
  save(tokens: AcledTokens): Promise<void>;
}

export interface AcledClientOptions extends HttpOptions {
  baseUrl?: string;
  credentials?: AcledCredentials;
  tokens: TokenStore;
  clock?: () => Date;
  pageSize?: number;
}

export type AcledApiRow = Record<string, string | number | null>;

export class AcledAuthError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AcledAuthError';
  }
}

interface TokenResponse {
  access_token: string;
  refresh_token: string;
  expires_in: number;
}

const REFRESH_LIFETIME_MS = 14 * 24 * 3_600_000;
/** Renew a little before expiry, so a long paging run does not meet a 401 half-way. */
const MARGIN_MS = 5 * 60_000;

/**
 * ACLED's API: OAuth password grant for a 24-hour access token and a 14-day refresh token,
 * refreshed without the password; paged reads of events (by last-modified `timestamp`) and
 * of deleted events.
 */
export class AcledClient {
  private readonly base: string;
  private readonly clock: () => Date;

  constructor(private readonly o: AcledClientOptions) {
    this.base = (o.baseUrl ?? 'https://acleddata.com').replace(/\/+$/, '');
    this.clock = o.clock ?? (() => new Date());
  }

  private async grant(form: Record<string, string>): Promise<AcledTokens> {
    try {
      const t = await requestJson<TokenResponse>(
        `${this.base}/oauth/token`,
        { method: 'POST', body: new URLSearchParams({ ...form, client_id: 'acled' }) },
        this.o,
      );
      const now = this.clock().getTime();
      const tokens = {
        accessToken: t.access_token,
        refreshToken: t.refresh_token,
        accessExpiresAt: new Date(now + t.expires_in * 1000).toISOString(),
        refreshExpiresAt: new Date(now + REFRESH_LIFETIME_MS).toISOString(),
      };
      await this.o.tokens.save(tokens);
      return tokens;
    } catch (error) {
      if (error instanceof HttpStatusError && error.status >= 400 && error.status < 500) {
        throw new AcledAuthError(`ACLED refused the ${form.grant_type} grant (HTTP ${error.status})`);
      }
      throw error;
    }
  }

  private async passwordGrant(): Promise<AcledTokens> {
    const c = this.o.credentials;
    if (!c) {
      throw new AcledAuthError(
        'no usable ACLED token and no credentials: set PEACEBELL_ACLED_USERNAME and PEACEBELL_ACLED_PASSWORD (or acledUsername/acledPassword in the config file)',
      );
    }
    return this.grant({ grant_type: 'password', username: c.username, password: c.password });
  }

  /** A valid access token: the stored one, else a refresh, else a new password grant. */
  async accessToken(force = false): Promise<string> {
    const now = this.clock().getTime();
    const stored = await this.o.tokens.load();
    if (stored && !force && Date.parse(stored.accessExpiresAt) - MARGIN_MS > now) return stored.accessToken;
    if (stored && Date.parse(stored.refreshExpiresAt) - MARGIN_MS > now) {
      try {
        return (await this.grant({ grant_type: 'refresh_token', refresh_token: stored.refreshToken }))
          .accessToken;
      } catch (error) {
        if (!(error instanceof AcledAuthError)) throw error;
      }
    }
    return (await this.passwordGrant()).accessToken;
  }

  private async get<T>(path: string, params: Record<string, string>): Promise<T> {
    const url = `${this.base}${path}?${new URLSearchParams({ _format: 'json', ...params })}`;
    const call = async (token: string) =>
      requestJson<T>(url, { headers: { Authorization: `Bearer ${token}` } }, this.o);
    try {
      return await call(await this.accessToken());
    } catch (error) {
      if (!(error instanceof HttpStatusError) || error.status !== 401) throw error;
      return call(await this.accessToken(true));
    }
  }

  private async *pages<T>(path: string, params: Record<string, string>): AsyncIterable<T[]> {
    const limit = this.o.pageSize ?? 5000;
    for (let page = 1; ; page++) {
      const body = await this.get<{ data?: T[] }>(path, {
        ...params,
        limit: String(limit),
        page: String(page),
      });
      const rows = body.data ?? [];
      if (rows.length > 0) yield rows;
      if (rows.length < limit) return;
    }
  }

  /** Events modified at or after `since` (epoch seconds), page by page. */
  events(query: { since?: number; iso?: number; country?: string } = {}): AsyncIterable<AcledApiRow[]> {
    return this.pages<AcledApiRow>('/api/acled/read', {
      ...(query.since !== undefined ? { timestamp: String(query.since), timestamp_where: '>=' } : {}),
      ...(query.iso !== undefined ? { iso: String(query.iso) } : {}),
      ...(query.country ? { country: query.country } : {}),
    });
  }

  /** Events deleted at or after `since` (epoch seconds). */
  deleted(since: number): AsyncIterable<{ event_id_cnty: string; deleted_timestamp: number | string }[]> {
    return this.pages('/api/deleted/read', {
      deleted_timestamp: String(since),
      deleted_timestamp_where: '>=',
    });
  }
}
