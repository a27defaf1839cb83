/** One linear term: coefficient and column name. */
export type LpTerm = readonly [number, string];

/** A coefficient written to LP text: finite, at most 12 significant digits, no exponent. */
function coefficient(value: number): string {
  const rounded = Number(value.toPrecision(12));
  if (rounded === 0) return '0';
  const text =
    Math.abs(rounded) < 1e-6 || Math.abs(rounded) >= 1e15 ? rounded.toFixed(12) : String(rounded);
  return text.includes('e') ? rounded.toFixed(12) : text;
}

function termsText(terms: readonly LpTerm[], out: string[]): void {
  let line = ' ';
  for (const [coef, name] of terms) {
    if (coef === 0) continue;
    line += `${coef < 0 ? '-' : '+'} ${coefficient(Math.abs(coef))} ${name} `;
    if (line.length > 200) {
      out.push(line);
      line = ' ';
    }
  }
  if (line.trim().length) out.push(line);
}

/**
 * Builds a minimisation program and writes it as CPLEX LP text (the dialect HiGHS reads):
 * objective terms, named rows (≤, ≥, =), column bounds (default [0, +∞)) and the integer
 * columns. Column names are the caller's; a column must appear in the objective or a row.
 *
 * Reference: the CPLEX LP file format (IBM ILOG CPLEX, "LP file format: algebraic
 * representation"). Complexity: O(terms) memory and time.
 *
 * @example
 * const lp = new LpWriter();
 * lp.addObjective(1, 'x');
 * lp.addRow('c', [[1, 'x']], '>=', 2);
 * lp.setInteger('x');
 * lp.text(); // "Minimize\n obj: + 1 x \nSubject To\n c: + 1 x  >= 2\n...General\n x\nEnd\n"
 */
export class LpWriter {
  private readonly objective = new Map<string, number>();
  private readonly rows: string[] = [];
  private readonly bounds: string[] = [];
  private readonly integers: string[] = [];
  private rowCount = 0;

  /** Adds `coef` to the objective coefficient of column `name`. */
  addObjective(coef: number, name: string): void {
    this.objective.set(name, (this.objective.get(name) ?? 0) + coef);
  }

  /** Adds a row Σ terms (sense) rhs; a row without a non-zero term is dropped. */
  addRow(name: string, terms: readonly LpTerm[], sense: '<=' | '>=' | '=', rhs: number): void {
    if (!terms.some(([c]) => c !== 0)) return;
    const out: string[] = [];
    termsText(terms, out);
    out[0] = ` ${name}:${out[0]}`;
    out[out.length - 1] += ` ${sense} ${coefficient(rhs)}`;
    for (const line of out) this.rows.push(line);
    this.rowCount++;
  }

  /** Bounds a column: lower ≤ name ≤ upper (upper may be Infinity). */
  setBounds(name: string, lower: number, upper: number): void {
    this.bounds.push(
      upper === Infinity
        ? ` ${name} >= ${coefficient(lower)}`
        : ` ${coefficient(lower)} <= ${name} <= ${coefficient(upper)}`,
    );
  }

  /** Marks a column integer. */
  setInteger(name: string): void {
    this.integers.push(name);
  }

  /** The number of rows written so far. */
  get constraints(): number {
    return this.rowCount;
  }

  /** The program as LP text. */
  text(): string {
    const out: string[] = ['Minimize'];
    const terms: LpTerm[] = [];
    for (const [name, coef] of this.objective) terms.push([coef, name]);
    const objective: string[] = [];
    termsText(terms, objective);
    if (!objective.length) objective.push(` 0 ${this.objective.keys().next().value ?? 'none'}`);
    objective[0] = ` obj:${objective[0]}`;
    out.push(...objective, 'Subject To', ...this.rows);
    if (this.bounds.length) out.push('Bounds', ...this.bounds);
    if (this.integers.length) {
      out.push('General');
      for (let i = 0; i < this.integers.length; i += 20)
        out.push(` ${this.integers.slice(i, i + 20).join(' ')}`);
    }
    out.push('End', '');
    return out.join('\n');
  }
}
