import { nextInverseErlangB } from './next-inverse-erlang-b.js';
import { previousInverseErlangB } from './previous-inverse-erlang-b.js';

describe('previousInverseErlangB', () => {
  it('undoes one step up', () => {
    const up = nextInverseErlangB(3.25, 12, 10);
    expect(previousInverseErlangB(up, 12, 10)).toBeCloseTo(3.25, 13);
  });
});
