import { breakPatterns } from './break-patterns.js';

describe('breakPatterns', () => {
  it('lists every option of a single break on the step (a 30-min lunch 180..300: 5 options)', () => {
    const { options, patterns } = breakPatterns(
      {
        code: 'h8',
        lengthMinutes: 480,
        breaks: [
          {
            code: 'lunch',
            lengthMinutes: 30,
            earliestStartMinutes: 180,
            latestStartMinutes: 300,
            paid: false,
          },
        ],
      },
      30,
    );
    expect([...options[0]]).toEqual([180, 210, 240, 270, 300]);
    expect(patterns.map((p) => [...p])).toEqual([[180], [210], [240], [270], [300]]);
  });

  it('drops the combinations where two breaks overlap (by hand: 3 × 3 = 9 minus 2 clashes)', () => {
    // break 60..120 (15 min) and lunch 90..150 (30 min), step 30: options {60, 90, 120} and
    // {90, 120, 150}; clashes (90, 90) and (120, 120) only: (60, 90) touches without overlap.
    const { patterns } = breakPatterns(
      {
        code: 'h6',
        lengthMinutes: 360,
        breaks: [
          {
            code: 'break',
            lengthMinutes: 15,
            earliestStartMinutes: 60,
            latestStartMinutes: 120,
            paid: true,
          },
          {
            code: 'lunch',
            lengthMinutes: 30,
            earliestStartMinutes: 90,
            latestStartMinutes: 150,
            paid: false,
          },
        ],
      },
      30,
    );
    expect(patterns.length).toBe(7);
    for (const [b, l] of patterns) expect(b === l).toBe(false);
  });

  it('keeps breaks inside the shift and gives one empty pattern without breaks', () => {
    expect(
      breakPatterns(
        {
          code: 'x',
          lengthMinutes: 60,
          breaks: [
            {
              code: 'b',
              lengthMinutes: 30,
              earliestStartMinutes: 0,
              latestStartMinutes: 60,
              paid: true,
            },
          ],
        },
        30,
      ).options[0],
    ).toEqual(Int32Array.from([0, 30]));
    expect(breakPatterns({ code: 'x', lengthMinutes: 60, breaks: [] }, 30).patterns).toEqual([
      new Int32Array(0),
    ]);
  });
});
