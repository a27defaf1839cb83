import { closeStateEvents } from './close-state-events.js';
import { sortSegments } from './sort-segments.js';

describe('closeStateEvents', () => {
  it('closes each event at the next event of the same agent and the last at the horizon', () => {
    const agent = Int32Array.of(1, 2, 1, 1);
    const at = Float64Array.of(100, 50, 0, 400);
    const order = sortSegments(agent, at, at);
    const end = new Float64Array(4);
    expect(closeStateEvents(agent, at, order, 1000, end)).toBeNull();
    expect(Array.from(end)).toEqual([400, 1000, 100, 1000]);
  });

  it('returns the two rows of one agent at the same instant', () => {
    const agent = Int32Array.of(1, 1);
    const at = Float64Array.of(60, 60);
    expect(closeStateEvents(agent, at, sortSegments(agent, at, at), 100, new Float64Array(2))).toEqual([0, 1]);
  });
});
