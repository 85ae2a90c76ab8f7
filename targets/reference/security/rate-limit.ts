/** In-memory sliding-window rate limiter (per key). */
export class RateLimiter {
  private hits = new Map<string, number[]>();

  /** Record a hit; `ok: false` (and the seconds to wait) when `limit` hits already fell in the window. */
  hit(key: string, limit: number, windowMs: number, now: number): { ok: true } | { ok: false; retryAfterSeconds: number } {
    const since = now - windowMs;
    const list = (this.hits.get(key) ?? []).filter((t) => t > since);
    if (list.length >= limit) {
      this.hits.set(key, list);
      return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((list[0] + windowMs - now) / 1000)) };
    }
    list.push(now);
    this.hits.set(key, list);
    if (this.hits.size > 50_000) this.prune(now, windowMs);
    return { ok: true };
  }

  private prune(now: number, windowMs: number): void {
    for (const [k, v] of this.hits) if (v.every((t) => t <= now - windowMs)) this.hits.delete(k);
  }
}
