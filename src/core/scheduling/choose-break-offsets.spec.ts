import { chooseBreakOffsets } from './choose-break-offsets.js';
import type { ShiftType } from './scheduling-types.js';

const rule = (code: string, lengthMinutes: number) => ({ code, lengthMinutes, earliestStartMinutes: 0, latestStartMinutes: 480, paid: true });

describe('chooseBreakOffsets', () => {
  // One agent on the phones over 16 half-hours; the requirement is 1, except 0 in interval 4 (minutes 120–150).
  const required = Float64Array.from({ length: 16 }, (_, t) => (t === 4 ? 0 : 1));
  const onPhone = new Float64Array(16).fill(1);

  it('puts each break where it lowers the cost most, and never on an earlier break of the shift', () => {
    const type: ShiftType = { code: 'S8', lengthMinutes: 480, breaks: [rule('break', 30), rule('lunch', 30)] };
    const placed: Array<[number, number]> = [];
    // By hand: at offset 120 the break takes the one agent beyond a requirement of 0 (cost −0.05);
    // anywhere else it leaves an interval one agent short (+2). The lunch may not overlap it: 150
    // and 60 both cost +2, the first option found wins the tie.
    const offsets = chooseBreakOffsets(type, [[60, 120, 180], [120, 150, 60]], 0, 30, required, 2, 0.05, (t) => onPhone[t], (from, to) => placed.push([from, to]));
    expect(offsets).toEqual([120, 150]);
    expect(placed).toEqual([[120, 150], [150, 180]]);
  });

  it('counts the part of an interval a short break covers, from the shift start on the horizon', () => {
    const type: ShiftType = { code: 'S4', lengthMinutes: 240, breaks: [rule('break', 15)] };
    // The shift starts at minute 60 (interval 2): offset 60 puts the break at 120–135, half of interval 4.
    expect(chooseBreakOffsets(type, [[30, 60, 90]], 60, 30, required, 2, 0.05, (t) => onPhone[t])).toEqual([60]);
  });

  it('answers null when a rule has no offset left', () => {
    const type: ShiftType = { code: 'S8', lengthMinutes: 480, breaks: [rule('break', 30), rule('lunch', 30)] };
    expect(chooseBreakOffsets(type, [[120], [120]], 0, 30, required, 2, 0.05, (t) => onPhone[t])).toBeNull();
  });
});
