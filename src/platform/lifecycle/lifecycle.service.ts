import { Injectable, type OnModuleDestroy } from '@nestjs/common';

/**
 * Whether the process is shutting down: set as the app starts closing (before the HTTP server
 * stops accepting), so `/health` answers 503 and a load balancer stops sending traffic while
 * the requests in flight finish.
 */
@Injectable()
export class Lifecycle implements OnModuleDestroy {
  private stopping = false;

  get shuttingDown(): boolean {
    return this.stopping;
  }

  onModuleDestroy(): void {
    this.stopping = true;
  }
}
