import type { ImportMappingPutDto } from '../import-mappings/index.js';

/** A call served by an agent: UTC milliseconds, and the local day (`yymmdd`) of the record. */
export interface AgentCall {
  agent: string;
  channel: string;
  day: string;
  startMs: number;
  endMs: number;
}

const HALF_DAY_SECONDS = 43_200;

function seconds(hms: string): number {
  const [h, m, s] = hms.split(':').map(Number);
  return h * 3600 + m * 60 + s;
}

/**
 * The served calls of an Anonymous Bank per-call export (17 tab-separated columns, header row):
 * outcome `AGENT` with a server and ser_time > 0, in a queue the mapping names. A call starts at
 * `ser_start` on the record's date (the next day when it is more than 12 hours before
 * `vru_entry`, as the mapping's crossMidnight rule says) and lasts `ser_time` seconds; local
 * times are turned into UTC with a fixed offset (the whole file lies in one offset).
 */
export function bankCallsOfAgents(text: string, mapping: ImportMappingPutDto, offsetMinutes: number): AgentCall[] {
  const channelField = mapping.fields.channel as { values: Record<string, string> };
  const out: AgentCall[] = [];
  const lines = text.split(/\r?\n/);
  for (let i = 1; i < lines.length; i++) {
    const f = lines[i].split('\t').map((v) => v.trim());
    if (f.length < 17 || f[12] !== 'AGENT' || f[16] === 'NO_SERVER' || f[16] === '') continue;
    const channel = channelField.values[f[4]];
    const serviceSeconds = Number(f[15]);
    if (channel === undefined || !(serviceSeconds > 0)) continue;
    const date = f[5];
    const startOfDay = seconds(f[13]) < seconds(f[6]) - HALF_DAY_SECONDS ? 86_400 + seconds(f[13]) : seconds(f[13]);
    const midnightUtcMs = Date.UTC(1900 + Number(date.slice(0, 2)) + (Number(date.slice(0, 2)) < 50 ? 100 : 0), Number(date.slice(2, 4)) - 1, Number(date.slice(4, 6)));
    const startMs = midnightUtcMs + startOfDay * 1000 - offsetMinutes * 60_000;
    out.push({ agent: f[16], channel, day: date, startMs, endMs: startMs + serviceSeconds * 1000 });
  }
  return out;
}

const iso = (ms: number): string => new Date(ms).toISOString().replace('.000Z', 'Z');

/**
 * Schedules and agent states of the agents that served the calls: each agent's calls merged into
 * busy segments (`on-contact`, overlapping calls joined) with `available` between the segments of
 * a day; the shift (`work`, channels = the queues the agent served that day) runs from the first
 * segment's start rounded down to the grid to the last segment's end rounded up (never before the
 * agent's previous shift ends). The shift's channel is the queue the agent served most calls of
 * that day (ties: the first code): the engine counts an agent of k channels as 1/k on each, which
 * would understate the main queue of agents who took a few overflow calls elsewhere. Before the first and after the last call the agent has no state
 * (logged off), so adherence is below 1 where the rounded shift starts earlier or ends later.
 */
export function agentDaysFromCalls(calls: readonly AgentCall[], gridMinutes: number): { schedules: Array<Record<string, string>>; states: Array<Record<string, string>> } {
  const grid = gridMinutes * 60_000;
  const byAgent = new Map<string, AgentCall[]>();
  for (const c of calls) {
    const list = byAgent.get(c.agent);
    if (list) list.push(c);
    else byAgent.set(c.agent, [c]);
  }
  const schedules: Array<Record<string, string>> = [];
  const states: Array<Record<string, string>> = [];
  for (const agent of [...byAgent.keys()].sort()) {
    const list = byAgent.get(agent)!.sort((a, b) => a.startMs - b.startMs);
    // Merged busy segments, each with the day and the channels of the calls it holds.
    const segments: Array<{ start: number; end: number; day: string; calls: string[] }> = [];
    for (const c of list) {
      const last = segments[segments.length - 1];
      if (last && c.startMs <= last.end) {
        last.end = Math.max(last.end, c.endMs);
        last.calls.push(c.channel);
      } else {
        segments.push({ start: c.startMs, end: c.endMs, day: c.day, calls: [c.channel] });
      }
    }
    let previousShiftEnd = -Infinity;
    for (let i = 0; i < segments.length; ) {
      let j = i;
      while (j + 1 < segments.length && segments[j + 1].day === segments[i].day) j++;
      const calls = new Map<string, number>();
      for (let k = i; k <= j; k++) {
        for (const ch of segments[k].calls) calls.set(ch, (calls.get(ch) ?? 0) + 1);
        states.push({ agentId: agent, state: 'on-contact', start: iso(segments[k].start), end: iso(segments[k].end) });
        if (k < j) states.push({ agentId: agent, state: 'available', start: iso(segments[k].end), end: iso(segments[k + 1].start) });
      }
      const start = Math.max(Math.floor(segments[i].start / grid) * grid, previousShiftEnd);
      const end = Math.ceil(segments[j].end / grid) * grid;
      if (start < end) {
        const main = [...calls].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0][0];
        schedules.push({ agentId: agent, team: 'bank', channels: main, activity: 'work', start: iso(start), end: iso(end) });
        previousShiftEnd = end;
      }
      i = j + 1;
    }
  }
  return { schedules, states };
}
