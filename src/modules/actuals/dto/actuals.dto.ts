import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Length } from 'class-validator';

/** Query parameters of an upload. */
export class UploadOptionsDto {
  @ApiPropertyOptional({ description: 'Name of a saved import mapping that describes a foreign file (PUT /api/v1/import-mappings/{name})' })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  mapping?: string;
}

export class IntervalActualsUploadDto {
  @ApiProperty({ description: 'Id of the upload (see GET /api/v1/uploads)', format: 'uuid' })
  uploadId: string;
  @ApiProperty({ description: 'Always interval-actuals', enum: ['interval-actuals'] })
  kind: 'interval-actuals';
  @ApiProperty({ description: 'Data rows read' })
  rows: number;
  @ApiProperty({ description: 'Intervals written (one per row)' })
  intervals: number;
  @ApiProperty({ description: 'Of those, intervals that replaced earlier actuals (last write wins)' })
  replacedIntervals: number;
  @ApiProperty({ description: 'Channel codes in the upload', type: [String] })
  channels: string[];
  @ApiProperty({ description: 'First interval start (UTC, ISO 8601)', nullable: true, type: String })
  firstIntervalStart: string | null;
  @ApiProperty({ description: 'Last interval start (UTC, ISO 8601)', nullable: true, type: String })
  lastIntervalStart: string | null;
  @ApiProperty({ description: 'True: the same content (or Idempotency-Key) was uploaded before; this is the first result and nothing was written' })
  duplicate: boolean;
}

export class ContactOutcomeCountsDto {
  @ApiProperty({ description: 'Contacts answered by an agent' })
  answered: number;
  @ApiProperty({ description: 'Contacts abandoned while waiting' })
  abandoned: number;
  @ApiProperty({ description: 'Contacts kept but counted nowhere (e.g. phantom calls)' })
  ignored: number;
}

export class ContactsUploadDto {
  @ApiProperty({ description: 'Id of the upload (see GET /api/v1/uploads)', format: 'uuid' })
  uploadId: string;
  @ApiProperty({ description: 'Always contacts', enum: ['contacts'] })
  kind: 'contacts';
  @ApiProperty({ description: 'Contacts kept' })
  rows: number;
  @ApiProperty({ description: 'Rows left out by the skip rules of the import mapping' })
  skippedRows: number;
  @ApiProperty({ description: 'Contacts by outcome', type: ContactOutcomeCountsDto })
  contacts: ContactOutcomeCountsDto;
  @ApiProperty({ description: 'Contacts of earlier uploads in the covered intervals, replaced' })
  replacedContacts: number;
  @ApiProperty({ description: 'Interval actuals derived from the contacts (intervals in which contacts arrived)' })
  intervals: number;
  @ApiProperty({ description: 'Of those, intervals that replaced earlier actuals' })
  replacedIntervals: number;
  @ApiProperty({ description: 'Channel codes in the upload', type: [String] })
  channels: string[];
  @ApiProperty({ description: 'First interval start (UTC, ISO 8601)', nullable: true, type: String })
  firstIntervalStart: string | null;
  @ApiProperty({ description: 'Last interval start (UTC, ISO 8601)', nullable: true, type: String })
  lastIntervalStart: string | null;
  @ApiProperty({ description: 'True: the same content (or Idempotency-Key) was uploaded before; this is the first result and nothing was written' })
  duplicate: boolean;
}

export class IntervalActualDto {
  @ApiProperty({ description: 'Channel code' })
  channel: string;
  @ApiProperty({ description: 'Interval start, UTC (ISO 8601)', example: '2026-03-02T08:30:00Z' })
  periodStart: string;
  @ApiProperty({ description: "Interval start on the channel's wall clock, with offset", example: '2026-03-02T09:30:00+01:00' })
  periodStartLocal: string;
  @ApiProperty({ description: 'Contacts offered to agents' })
  offered: number;
  @ApiProperty({ description: 'Contacts answered' })
  answered: number;
  @ApiProperty({ description: 'Contacts abandoned' })
  abandoned: number;
  @ApiProperty({ description: 'Answered with a wait <= threshold seconds' })
  answeredWithinThreshold: number;
  @ApiProperty({ description: 'Abandoned with a wait <= threshold seconds' })
  abandonedWithinThreshold: number;
  @ApiProperty({ description: 'Threshold of the within counts, seconds' })
  thresholdSeconds: number;
  @ApiProperty({ description: 'Total handle seconds (divide by answered for the mean)' })
  handleSeconds: number;
  @ApiProperty({ description: 'Total wait seconds of answered contacts (divide by answered for the ASA)' })
  waitSeconds: number;
  @ApiProperty({ description: 'Total talk seconds', nullable: true, type: Number })
  talkSeconds: number | null;
  @ApiProperty({ description: 'Total hold seconds', nullable: true, type: Number })
  holdSeconds: number | null;
  @ApiProperty({ description: 'Total after-call work seconds', nullable: true, type: Number })
  acwSeconds: number | null;
  @ApiProperty({ description: 'Agents staffed (as reported)', nullable: true, type: Number })
  agentsStaffed: number | null;
  @ApiProperty({ description: 'Agent seconds available', nullable: true, type: Number })
  agentSecondsAvailable: number | null;
  @ApiProperty({ description: 'Distinct agents who handled contacts (per-contact uploads only)', nullable: true, type: Number })
  agentsHandled: number | null;
  @ApiProperty({ description: 'The upload that wrote the interval', format: 'uuid' })
  uploadId: string;
}

export class IntervalActualListDto {
  @ApiProperty({ type: [IntervalActualDto], description: 'Intervals by channel code, then start' })
  data: IntervalActualDto[];
  @ApiProperty({ description: 'Cursor of the next page; null: no more', nullable: true, type: String })
  next: string | null;
}

export class ContactDto {
  @ApiProperty({ description: 'Channel code' })
  channel: string;
  @ApiProperty({ description: 'Contact id as exported (not necessarily unique)' })
  contactId: string;
  @ApiProperty({ description: 'Start of the interval the contact arrived in, UTC' })
  periodStart: string;
  @ApiProperty({ description: "Same, on the channel's wall clock with offset" })
  periodStartLocal: string;
  @ApiProperty({ description: 'Offered to agents (UTC)' })
  arrivedAt: string;
  @ApiProperty({ description: 'Answered (UTC)', nullable: true, type: String })
  answeredAt: string | null;
  @ApiProperty({ description: 'Ended (UTC)', nullable: true, type: String })
  endedAt: string | null;
  @ApiProperty({ description: 'Abandoned (UTC)', nullable: true, type: String })
  abandonedAt: string | null;
  @ApiProperty({ description: 'Handle seconds', nullable: true, type: Number })
  handleSeconds: number | null;
  @ApiProperty({ description: 'Wait seconds (until answer or abandonment)', nullable: true, type: Number })
  waitSeconds: number | null;
  @ApiProperty({ description: 'Agent id', nullable: true, type: String })
  agentId: string | null;
  @ApiProperty({ description: 'answered, abandoned or ignored', enum: ['answered', 'abandoned', 'ignored'] })
  outcome: string;
  @ApiProperty({ description: 'The upload that wrote the contact', format: 'uuid' })
  uploadId: string;
  @ApiProperty({ description: 'Line (CSV) or row index (JSON) of the contact in that upload' })
  line: number;
  @ApiProperty({ description: 'Contact type (e.g. PS, PE, IN of the bank data); what cost per contact is split by', nullable: true, type: String })
  contactType: string | null;
}

export class ContactListDto {
  @ApiProperty({ type: [ContactDto], description: 'Contacts by channel code, interval, upload and line' })
  data: ContactDto[];
  @ApiProperty({ description: 'Cursor of the next page; null: no more', nullable: true, type: String })
  next: string | null;
}
