import { attemptsUntilRightParty } from './attempts-until-right-party.js';

describe('attemptsUntilRightParty', () => {
  it('counts attempts up to the first right-party one per target (hand computation)', () => {
    // targets: [no, no, yes, yes] → 3 (the attempt after the reach is not counted); [yes] → 1; [no, no] → 0
    const out = attemptsUntilRightParty(Uint8Array.of(0, 0, 1, 1, 1, 0, 0), Int32Array.of(0, 4, 5, 7), new Int32Array(3));
    expect([...out]).toEqual([3, 1, 0]);
    // KPI: (3 + 1) attempts ÷ 2 targets reached = 2 attempts per right-party contact
  });
});
