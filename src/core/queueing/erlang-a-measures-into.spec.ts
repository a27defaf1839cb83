import { erlangAMeasuresInto } from './erlang-a-measures-into.js';
import { REFERENCE_ERLANG_A_CASE } from './reference/reference-erlang-a-case.js';

describe('erlangAMeasuresInto', () => {
  it('writes the seven measures at the offset without touching the rest', () => {
    const out = new Float64Array(10).fill(-7);
    erlangAMeasuresInto(14, 10, 180, 300, 20, new Float64Array(10), out, 2);
    expect(out[0]).toBe(-7);
    expect(out[1]).toBe(-7);
    // the reference case (closed forms at 50 digits, reference/reference-erlang-a-case.ts)
    expect(out[2]).toBeCloseTo(REFERENCE_ERLANG_A_CASE.waitProbability, 12); // wait probability
    expect(out[3]).toBeCloseTo(REFERENCE_ERLANG_A_CASE.abandonRate, 12); // abandon rate
    expect(out[5]).toBeCloseTo(out[3] * 300, 12); // mean wait = abandon rate × patience
    expect(out[6]).toBeCloseTo(REFERENCE_ERLANG_A_CASE.answeredWithinThreshold, 12); // answered within t ÷ offered
    expect(out[8]).toBeCloseTo((10 * (1 - out[3])) / 14, 14); // occupancy
    expect(out[9]).toBe(-7);
  });
});
