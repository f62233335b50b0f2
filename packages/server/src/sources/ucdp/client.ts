import { requestJson, type HttpOptions } from '../util/http-json.ts';

export interface UcdpClientOptions extends HttpOptions {
  baseUrl?: string;
  token?: string;
  pageSize?: number;
}

export type UcdpApiRow = Record<string, string | number | boolean | null>;

/** GED yearly versions ('25.1') and Candidate monthly ones ('25.0.9'). */
export function isUcdpVersion(version: string): boolean {
  return /^\d+\.\d+(\.\d+)?$/.test(version);
}

interface Page {
  TotalCount: number;
  TotalPages: number;
  NextPageUrl: string | null;
  Result: UcdpApiRow[];
}

/** UCDP's API: GED events of a version, 1,000 a page, with the access-token header. */
export class UcdpClient {
  constructor(private readonly o: UcdpClientOptions) {}

  async *events(version: string): AsyncIterable<UcdpApiRow[]> {
    if (!isUcdpVersion(version))
      throw new Error(`not a UCDP version: ${version} (e.g. 25.1, or 25.0.9 for Candidate)`);
    if (!this.o.token) {
      throw new Error(
        'UCDP needs an access token: set PEACEBELL_UCDP_TOKEN (or ucdpToken in the config file)',
      );
    }
    const base = (this.o.baseUrl ?? 'https://ucdpapi.pcr.uu.se').replace(/\/+$/, '');
    let url: string | null = `${base}/api/gedevents/${version}?pagesize=${this.o.pageSize ?? 1000}&page=0`;
    const headers = { 'x-ucdp-access-token': this.o.token };
    const seen = new Set<string>();
    while (url && !seen.has(url)) {
      seen.add(url);
      const page: Page = await requestJson<Page>(url, { headers }, this.o);
      if (page.Result.length > 0) yield page.Result;
      // follow the next page on our own host: the token never goes to another origin
      url = page.NextPageUrl
        ? `${base}${new URL(page.NextPageUrl, base).pathname}${new URL(page.NextPageUrl, base).search}`
        : null;
    }
  }
}
