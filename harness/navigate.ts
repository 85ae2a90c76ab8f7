import type { Page } from 'playwright';

export interface LoadOutcome {
  ok: boolean;
  status?: number;
  /** Why the page cannot be audited, in words a user can act on. */
  cause?: string;
}

const NET_ERRORS: Record<string, string> = {
  ERR_CONNECTION_REFUSED: 'connection refused (is the server running on that port?)',
  ERR_NAME_NOT_RESOLVED: 'host name could not be resolved',
  ERR_CONNECTION_RESET: 'connection reset by the server',
  ERR_EMPTY_RESPONSE: 'the server closed the connection without a response',
  ERR_ADDRESS_UNREACHABLE: 'address unreachable',
  ERR_FILE_NOT_FOUND: 'file not found',
  ERR_TIMED_OUT: 'timed out',
};

export function describeNavigationError(error: Error, timeoutMs: number): string {
  const msg = error.message;
  if (/Timeout \d+ms exceeded/i.test(msg)) return `timed out: the page did not finish loading within ${Math.round(timeoutMs / 1000)} s`;
  if (/crash/i.test(msg)) return 'the browser tab crashed while loading the page';
  const net = /net::(ERR_[A-Z_]+)/.exec(msg);
  if (net) return NET_ERRORS[net[1]] ? `${NET_ERRORS[net[1]]} (${net[1]})` : net[1];
  return msg.split('\n')[0];
}

/**
 * One rule for `portico audit` and journeys: a page asked for (GET) that answers 4xx or 5xx is not
 * the page — auditing it would audit an error page as if it were the one asked for. A form
 * submission answered 4xx is the app's answer the person meets (a 422 with the errors shown); a
 * 5xx is the server failing. Returns the problem, or null when the response is a page to audit.
 */
export function responseProblem(method: string, status: number): string | null {
  if (status >= 500 || (status >= 400 && method.toUpperCase() === 'GET')) return `HTTP ${status}`;
  return null;
}

/**
 * Loads a page and says whether it can be audited. An HTTP error, a refused connection, a timeout
 * or a crash is NOT a page to audit: auditing an error page would report a broken site as clean.
 */
export async function loadPage(page: Page, url: string, timeoutMs: number): Promise<LoadOutcome> {
  let crashed = false;
  const onCrash = () => { crashed = true; };
  page.once('crash', onCrash);
  try {
    const response = await page.goto(url, { waitUntil: 'load', timeout: timeoutMs });
    if (crashed) return { ok: false, cause: 'the browser tab crashed while loading the page' };
    const status = response?.status();
    if (status !== undefined && responseProblem('GET', status)) return { ok: false, status, cause: `HTTP ${status} ${response?.statusText() ?? ''}`.trim() };
    return { ok: true, status };
  } catch (error) {
    return { ok: false, cause: crashed ? 'the browser tab crashed while loading the page' : describeNavigationError(error as Error, timeoutMs) };
  } finally {
    page.off('crash', onCrash);
  }
}
