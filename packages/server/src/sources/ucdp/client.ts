import { requestJson, type HttpOptions } from '../util/http-json.ts';

export interface UcdpClientOptions extends HttpOptions {
  baseUrl?: string;
  token?: string;
  pageSize?: number;
}

export type UcdpApiRow = Record<string, string | number | null>;

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
    while (url) {
      const page: Page = await requestJson<Page>(url, { headers }, this.o);
      if (page.Result.length > 0) yield page.Result;
      url = page.NextPageUrl ? page.NextPageUrl : null;
    }
  }
}
