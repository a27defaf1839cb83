import { erlangA } from './erlang-a.js';
import { erlangAServiceLevel } from './erlang-a-service-level.js';
import { erlangCServiceLevel } from './erlang-c-service-level.js';
import { REFERENCE_ERLANG_A_CASE } from './reference/reference-erlang-a-case.js';

const CASE = {
  agents: 14,
  trafficErlangs: 10,
  ahtSeconds: 180,
  patienceSeconds: 300,
  thresholdSeconds: 20,
};

describe('erlangAServiceLevel', () => {
  it('gives answered within 20 s ÷ offered = 0.916792 for the reference case (closed forms at 50 digits)', () => {
    const expected = REFERENCE_ERLANG_A_CASE.answeredWithinThreshold;
    expect(Math.abs(erlangAServiceLevel(CASE, 'answered-within/offered') / expected - 1)).toBeLessThan(1e-12);
  });

  it('combines the shares by definition (ICMI default counts short abandons as good)', () => {
    const m = erlangA(CASE);
    expect(erlangAServiceLevel(CASE)).toBeCloseTo(
      m.answeredWithinThreshold + m.abandonedWithinThreshold,
      15,
    );
    expect(erlangAServiceLevel(CASE, 'answered-within/answered')).toBeCloseTo(
      m.answeredWithinThreshold / (1 - m.abandonRate),
      15,
    );
    expect(erlangAServiceLevel(CASE, 'answered-within/offered-minus-short-abandons')).toBeCloseTo(
      m.answeredWithinThreshold / (1 - m.abandonedWithinThreshold),
      15,
    );
  });

  it('all four definitions coincide with Erlang C when patience → ∞', () => {
    const erlangCValue = erlangCServiceLevel(14, 10, 180, 20);
    for (const definition of [
      'answered-or-abandoned-within/offered',
      'answered-within/offered',
      'answered-within/answered',
      'answered-within/offered-minus-short-abandons',
    ] as const) {
      expect(erlangAServiceLevel({ ...CASE, patienceSeconds: 1e9 }, definition)).toBeCloseTo(
        erlangCValue,
        6,
      );
    }
  });

  it('refuses an unknown definition', () => {
    expect(() =>
      erlangAServiceLevel(CASE, 'answered/offered' as unknown as 'answered-within/offered'),
    ).toThrow(new RangeError('erlangAServiceLevel requires a known service-level definition'));
  });
});
