import { createCsvTokenizer } from './csv-tokenizer.js';

function tokenize(text: string, delimiter = ',', chunk = 0): { records: Array<[number, string[]]>; errors: Array<[number, string]> } {
  const records: Array<[number, string[]]> = [];
  const errors: Array<[number, string]> = [];
  const t = createCsvTokenizer({ delimiter, onRecord: (f, line) => records.push([line, [...f]]), onError: (line, r) => errors.push([line, r]) });
  if (chunk > 0) for (let i = 0; i < text.length; i += chunk) t.push(text.slice(i, i + chunk));
  else t.push(text);
  t.end();
  return { records, errors };
}

describe('createCsvTokenizer', () => {
  it('splits plain records with LF or CRLF and numbers lines like an editor', () => {
    expect(tokenize('a,b,c\r\n1,2,3\r\n\r\n4,,6').records).toEqual([
      [1, ['a', 'b', 'c']], [2, ['1', '2', '3']], [4, ['4', '', '6']],
    ]);
  });

  it('reads RFC 4180 quoting: delimiters, doubled quotes and line breaks inside quotes', () => {
    const text = 'name,note\n"Smith, J.","said ""hi"""\n"multi\nline",x\nlast,"q"\n';
    expect(tokenize(text).records).toEqual([
      [1, ['name', 'note']], [2, ['Smith, J.', 'said "hi"']], [3, ['multi\nline', 'x']], [5, ['last', 'q']],
    ]);
  });

  it('gives the same records whatever the chunk size', () => {
    const text = '\uFEFFh1,h2\r\n"a\r\nb",2\r\n3,"4"\r\n5,6';
    const whole = tokenize(text);
    for (const size of [1, 2, 3, 5, 7, 64]) expect(tokenize(text, ',', size)).toEqual(whole);
    expect(whole.records[0]).toEqual([1, ['h1', 'h2']]);
    expect(whole.records[1]).toEqual([2, ['a\r\nb', '2']]);
    expect(whole.records[3]).toEqual([5, ['5', '6']]);
  });

  it('reads tab-separated text and whitespace-separated text', () => {
    expect(tokenize('a\tb\n1\t2\n', '\t').records).toEqual([[1, ['a', 'b']], [2, ['1', '2']]]);
    expect(tokenize('a\tb\tc\n1   2\t3\n', 'whitespace').records).toEqual([[1, ['a', 'b', 'c']], [2, ['1', '2', '3']]]);
  });

  it('reports an unterminated quote at the end', () => {
    const { records, errors } = tokenize('a,b\n1,"open\n');
    expect(records).toEqual([[1, ['a', 'b']]]);
    expect(errors).toEqual([[2, 'unterminated quoted field']]);
  });

  it('stops at a record longer than maxRecordChars, quoted or not, and names its first line', () => {
    for (const body of ['"' + 'x'.repeat(5000), 'y'.repeat(5000)]) {
      const records: string[][] = [];
      const errors: Array<[number, string]> = [];
      const t = createCsvTokenizer({ delimiter: ',', maxRecordChars: 1000, onRecord: (f) => records.push([...f]), onError: (line, r) => errors.push([line, r]) });
      t.push('a,b\n1,2\n');
      for (let i = 0; i < body.length; i += 300) t.push(body.slice(i, i + 300));
      t.push('\n3,4\n');
      t.end();
      expect(records).toEqual([['a', 'b'], ['1', '2']]);
      expect(errors).toEqual([[3, 'the record is longer than 1000 characters (a quote that never closes, or no line breaks)']]);
    }
    // a record of exactly the limit is read
    const { records, errors } = (() => {
      const r: string[][] = [];
      const e: unknown[] = [];
      const t = createCsvTokenizer({ delimiter: ',', maxRecordChars: 1000, onRecord: (f) => r.push([...f]), onError: (...a) => e.push(a) });
      const long = 'z'.repeat(1000);
      for (let i = 0; i < long.length; i += 100) t.push(long.slice(i, i + 100));
      t.push('\n');
      t.end();
      return { records: r, errors: e };
    })();
    expect(errors).toEqual([]);
    expect(records).toEqual([['z'.repeat(1000)]]);
  });

  it('is lenient with quotes inside unquoted fields', () => {
    expect(tokenize('a 5" disk,"x"y\n').records).toEqual([[1, ['a 5" disk', 'xy']]]);
  });

  it('refuses a quote or a line break as delimiter', () => {
    expect(() => tokenize('', '"')).toThrow(RangeError);
    expect(() => tokenize('', ';;')).toThrow(RangeError);
  });
});
