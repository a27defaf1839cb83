import { addSpanCoverage } from './add-span-coverage.js';

describe('addSpanCoverage', () => {
  it('adds the covered share of each interval (45 minutes over 30-minute intervals: 1 and ½)', () => {
    const column = new Float64Array(3);
    addSpanCoverage(column, 30, 0, 45, 1);
    expect([...column]).toEqual([1, 0.5, 0]);
  });

  it('takes a 15-minute break off the middle of an interval and ignores minutes outside the column', () => {
    const column = new Float64Array([1, 1]);
    addSpanCoverage(column, 30, 40, 55, -1);
    addSpanCoverage(column, 30, 50, 200, 2);
    expect([...column]).toEqual([1, 1 - 0.5 + (2 * 10) / 30]);
  });

  it('does nothing for an empty span', () => {
    const column = new Float64Array(2);
    addSpanCoverage(column, 30, 20, 20, 1);
    expect([...column]).toEqual([0, 0]);
  });
});
