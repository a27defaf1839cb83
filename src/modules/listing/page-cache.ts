/**
 * JSON pages of versioned listings by ETag, least recently used first out, bounded in bytes. An
 * ETag names the data version (which names its tenant), the representation and the URL, so a
 * page found here is the page the listing would build now: a BI tool that refreshes tiles of
 * unchanged data gets them without the reads and the computation (a data fingerprint query is
 * all that is left).
 */
export class PageCache {
  private readonly pages = new Map<string, string>();
  private bytes = 0;

  constructor(private readonly maxBytes: number) {}

  get(etag: string): string | undefined {
    const page = this.pages.get(etag);
    if (page !== undefined) {
      // Most recently used last: Map keeps insertion order.
      this.pages.delete(etag);
      this.pages.set(etag, page);
    }
    return page;
  }

  set(etag: string, page: string): void {
    if (page.length * 2 > this.maxBytes) return;
    const old = this.pages.get(etag);
    if (old !== undefined) {
      this.pages.delete(etag);
      this.bytes -= old.length * 2;
    }
    this.pages.set(etag, page);
    this.bytes += page.length * 2;
    for (const [key, value] of this.pages) {
      if (this.bytes <= this.maxBytes) break;
      this.pages.delete(key);
      this.bytes -= value.length * 2;
    }
  }
}
