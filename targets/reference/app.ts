import type { DatabaseSync } from 'node:sqlite';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Clock } from './clock.ts';
import type { Mailer } from './mail/send.ts';
import type { LoopbackSmtp } from './mail/smtp.ts';
import type { RateLimiter } from './security/rate-limit.ts';
import type { Locale, T } from './i18n/i18n.ts';

export interface RateLimitOptions {
  /** Account creations per client IP per hour. Default 20 (500 in testMode). */
  accountCreatePerHour?: number;
  /** Code requests (new account, sign in, resend) per email address per 15 minutes. Default 5. */
  codeRequestsPer15Min?: number;
  /** Code requests per client IP per 15 minutes. Default 30 (1000 in testMode). */
  codeRequestsPerIpPer15Min?: number;
}

export interface AppointmentWindow {
  /** UTC "HH:MM" when requests open. */
  opens: string;
  /** UTC "HH:MM" when requests close (may be earlier than opens: the window spans midnight). */
  closes: string;
}

export interface App {
  db: DatabaseSync;
  clock: Clock;
  defects: ReadonlySet<string>;
  testMode: boolean;
  sessionTimeoutSeconds: number;
  warnSeconds: number;
  mailer: Mailer;
  smtp: LoopbackSmtp;
  limiter: RateLimiter;
  limits: Required<RateLimitOptions>;
  window: AppointmentWindow | 'always';
  earliestShare: number;
  /** Paths whose next POST fails with a 500 (POST /__test/fail-next). */
  failNext: Set<string>;
  /** testMode only: the latest one-time code per email key. */
  lastCodes: Map<string, string>;
  /** HMAC key for pseudonymous person keys in the lottery audit. */
  secret: Buffer;
  log(line: string): void;
}

export interface Session {
  id: string;
  csrf: string;
  account_id: number | null;
  pending_email_key: string | null;
  pending_purpose: string | null;
  captcha: string | null;
  created_at: number;
  last_seen_at: number;
}

export interface Account {
  id: number;
  email: string;
  email_key: string;
  locale: string;
  created_at: number;
  verified_at: number | null;
  registered_at: number | null;
  selfie_status: string;
}

export interface Ctx {
  app: App;
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  method: string;
  ip: string;
  form: URLSearchParams;
  cookies: Record<string, string>;
  session: Session;
  account: Account | null;
  /** The account whose session just timed out on this request (conformant keeps its data). */
  expiredAccountId: number | null;
  locale: Locale;
  /** Page strings. */
  t: T;
  /** Error strings (English under `errors-english-only`). */
  tErr: T;
  setCookies: string[];
  /** This POST was chosen by /__test/fail-next to fail with a 500. */
  failThis: boolean;
  has(defect: string): boolean;
}
