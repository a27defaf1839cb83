import { LpWriter } from './lp-writer.js';

describe('LpWriter', () => {
  it('writes objective, rows, bounds and integers in CPLEX LP text', () => {
    const lp = new LpWriter();
    lp.addObjective(2, 'x');
    lp.addObjective(0.5, 'y');
    lp.addRow(
      'c1',
      [
        [1, 'x'],
        [-1, 'y'],
      ],
      '>=',
      1.25,
    );
    lp.addRow('empty', [[0, 'x']], '<=', 3);
    lp.setBounds('x', 0, 4);
    lp.setInteger('x');
    expect(lp.constraints).toBe(1);
    expect(lp.text()).toBe(
      [
        'Minimize',
        ' obj: + 2 x + 0.5 y ',
        'Subject To',
        ' c1: + 1 x - 1 y  >= 1.25',
        'Bounds',
        ' 0 <= x <= 4',
        'General',
        ' x',
        'End',
        '',
      ].join('\n'),
    );
  });

  it('never writes an exponent (tiny and huge coefficients as plain decimals)', () => {
    const lp = new LpWriter();
    lp.addObjective(1e-7, 'x');
    lp.addRow('c', [[1e16, 'x']], '<=', 1);
    expect(lp.text()).not.toMatch(/e[+-]?\d/);
  });
});
