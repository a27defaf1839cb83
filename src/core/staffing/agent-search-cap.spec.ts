import { agentSearchCap } from './agent-search-cap.js';

describe('agentSearchCap', () => {
  it('is a + 40·√a + 50 rounded up, or above a/maxOccupancy when that is larger', () => {
    expect(agentSearchCap(10, NaN)).toBe(187);
    expect(agentSearchCap(100, 0.01)).toBe(10001);
  });
});
