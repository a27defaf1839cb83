import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

import { BINDING_GOALS, STAFFING_WARNING_BITS, type BindingGoal, type StaffingWarning } from '../../../core/staffing/staffing-types.js';

const STAFFING_WARNINGS = Object.keys(STAFFING_WARNING_BITS);

export class StaffingIntervalResultDto {
  @ApiPropertyOptional({ description: 'Interval start, echoed from the request' })
  start?: string;

  @ApiPropertyOptional({ description: 'Channel code, echoed from the request' })
  channel?: string;

  @ApiProperty({ description: 'Agents on the phones: the smallest integer meeting every goal (calculate) or the given count (evaluate)', example: 14 })
  agents: number;

  @ApiProperty({ description: 'Continuous agent count at which the binding goal is met exactly (calculate); null in evaluate', nullable: true, type: Number, example: 13.04 })
  agentsFractional: number | null;

  @ApiProperty({ description: 'Required agents grossed up for shrinkage: ceil(agents / (1 − shrinkage)), the agents to have on the payroll for the interval (not the agents on a schedule: that is scheduled_agents of the reports)', example: 20 })
  requiredWithShrinkage: number;

  @ApiProperty({ description: 'Service level under the requested definition, fraction; null for Erlang B', nullable: true, type: Number, example: 0.88835 })
  serviceLevel: number | null;

  @ApiProperty({ description: 'Average speed of answer of answered contacts (seconds); null when overloaded or Erlang B', nullable: true, type: Number, example: 7.836 })
  asaSeconds: number | null;

  @ApiProperty({ description: 'Probability that a contact waits (Erlang B: is blocked)', nullable: true, type: Number, example: 0.1741 })
  waitProbability: number | null;

  @ApiProperty({ description: 'Agent occupancy: handled workload / agents, fraction', nullable: true, type: Number, example: 0.7143 })
  occupancy: number | null;

  @ApiProperty({ description: 'Abandon rate, abandoned / (abandoned + answered); Erlang A only', nullable: true, type: Number })
  abandonRate: number | null;

  @ApiProperty({ description: 'Blocking probability (Erlang B only)', nullable: true, type: Number })
  blockingProbability: number | null;

  @ApiProperty({ description: 'Goal that determined the agent count (calculate): none = nothing to staff; stability = Erlang C needs agents > traffic although every goal is met there; null in evaluate', enum: BINDING_GOALS, nullable: true })
  binding: BindingGoal | null;

  @ApiProperty({ description: 'min-occupancy: occupancy below the floor (over-staffed); overloaded: agents <= traffic under Erlang C', enum: STAFFING_WARNINGS, isArray: true })
  warnings: StaffingWarning[];
}

export class StaffingTotalsDto {
  @ApiProperty({ description: 'Sum over intervals of agents x interval hours' })
  agentHours: number;

  @ApiProperty({ description: 'Sum over intervals of agentsFractional x interval hours (no per-interval rounding); null in evaluate', nullable: true, type: Number })
  agentHoursFractional: number | null;

  @ApiProperty({ description: 'Sum over intervals of requiredWithShrinkage x interval hours' })
  requiredWithShrinkageHours: number;

  @ApiProperty({ description: 'Contacts offered over all intervals' })
  volume: number;
}

export class StaffingResponseDto {
  @ApiProperty({ type: [StaffingIntervalResultDto], description: 'One result per request interval, in request order' })
  intervals: StaffingIntervalResultDto[];

  @ApiProperty({ type: StaffingTotalsDto, description: 'Totals over all intervals' })
  totals: StaffingTotalsDto;

  @ApiProperty({
    type: [String],
    description: "Stored channel goals the model cannot use and so left out (a channel's maxAbandonRate outside Erlang A); empty when none",
    example: [],
  })
  notes: string[];
}
