import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

export interface ActualsSpan {
  first: Date | null;
  last: Date | null;
  intervals: number;
}

/** Reads of the dashboard that no report answers. */
@Injectable()
export class DashboardRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** First and last interval start with actuals of a channel (null, null without any), and how many intervals have actuals. */
  async actualsSpan(tenantId: string, channelId: number): Promise<ActualsSpan> {
    const rows: ActualsSpan[] = await this.db.query(
      'SELECT min(interval_start) AS first, max(interval_start) AS last, count(*)::int AS intervals FROM interval_actuals WHERE tenant_id = $1 AND channel_id = $2',
      [tenantId, channelId],
    );
    return rows[0] ?? { first: null, last: null, intervals: 0 };
  }
}
