/** Where a ClickHouse store is: `clickhouse://user:pass@host:8123/db` (`clickhouses://` for HTTPS). */
export interface ClickHouseLocation {
  /** The HTTP(S) endpoint, without credentials. */
  url: string;
  username: string;
  password: string;
  database: string;
}

export const isClickHouseUrl = (location: string) => /^clickhouses?:\/\//i.test(location);

export function parseClickHouseUrl(location: string): ClickHouseLocation {
  const parsed = new URL(location);
  const https = parsed.protocol.toLowerCase() === 'clickhouses:';
  if (!/^clickhouses?:$/i.test(parsed.protocol)) throw new Error(`not a ClickHouse URL: ${location}`);
  const port = parsed.port || (https ? '8443' : '8123');
  const database = decodeURIComponent(parsed.pathname.replace(/^\//, '')) || 'default';
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(database)) throw new Error(`not a valid database name: ${database}`);
  return {
    url: `${https ? 'https' : 'http'}://${parsed.hostname}:${port}`,
    username: decodeURIComponent(parsed.username) || 'default',
    password: decodeURIComponent(parsed.password),
    database,
  };
}

/** The URL with its password hidden, for messages and logs. */
export function redactUrl(location: string): string {
  return location.replace(/(\/\/[^:/@]*:)[^@]*@/, '$1***@');
}
