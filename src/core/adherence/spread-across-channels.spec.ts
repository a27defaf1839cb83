import { spreadAcrossChannels } from './spread-across-channels.js';

describe('spreadAcrossChannels', () => {
  it('gives an agent with k channels 1/k on each, leaving out rows not kept', () => {
    // agent 0: channels 3 and 5; agent 1: channel 5; agent 2: none
    const out = spreadAcrossChannels(Int32Array.of(0, 1, 1, 2), Float64Array.of(0, 10, 20, 30), Float64Array.of(60, 20, 30, 40), Uint8Array.of(1, 1, 0, 1), Int32Array.of(0, 2, 3, 3), Int32Array.of(3, 5, 5));
    expect(Array.from(out.channel)).toEqual([3, 5, 5]);
    expect(Array.from(out.weight)).toEqual([0.5, 0.5, 1]);
    expect(Array.from(out.start)).toEqual([0, 0, 10]);
    // The shares of an agent add up to one agent.
    expect(out.weight[0] + out.weight[1]).toBe(1);
  });

  it('refuses an agent index outside the offsets', () => {
    expect(() => spreadAcrossChannels(Int32Array.of(3), Float64Array.of(0), Float64Array.of(1), Uint8Array.of(1), Int32Array.of(0, 1), Int32Array.of(0))).toThrow(RangeError);
  });
});
