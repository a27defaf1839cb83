/** Options of `createCsvTokenizer`. */
export interface CsvTokenizerOptions {
  /** One character (`,`, `;`, tab, `|`), or `whitespace`: runs of blanks and tabs, no quoting. */
  delimiter: string;
  /**
   * Called once per record with its fields and the line (1-based, as a text editor counts them)
   * on which the record starts. The array is reused: copy what you keep. Blank lines are skipped.
   */
  onRecord: (fields: string[], line: number) => void;
  /**
   * Called for a record that cannot be read (an unterminated quoted field at the end, or a
   * record longer than `maxRecordChars`); the tokenizer then ignores the rest of the input.
   */
  onError: (line: number, reason: string) => void;
  /** Longest record, in characters (default MAX_RECORD_CHARS): a longer one is an error, not a buffer that grows with the body. */
  maxRecordChars?: number;
}

/**
 * Longest record by default: a million characters. A contact-center row is some hundred; a
 * longer one is a quote that never closes or a file without line breaks, whose unfinished tail
 * would otherwise be kept, and re-scanned at every chunk, until the body ends.
 */
export const MAX_RECORD_CHARS = 1_000_000;

/** A streaming tokenizer: push text in any chunk sizes, then end. */
export interface CsvTokenizer {
  push(text: string): void;
  end(): void;
}

const QUOTE = '"';

/**
 * A streaming RFC 4180 tokenizer: records end at LF or CRLF, fields may be quoted with `"`,
 * `""` inside quotes is one quote, quoted fields may hold delimiters and line breaks. A leading
 * UTF-8 byte order mark is dropped. Lenient where RFC 4180 is silent: a quote inside an unquoted
 * field is kept as text, text after a closing quote is appended.
 *
 * Method: records without a quote character (the common case) are cut with `indexOf`, so the
 * cost is a few native scans and one substring per field; records with quotes go through a
 * character-level state machine. Memory: the unfinished tail of the last chunk only, at most
 * `maxRecordChars`. Complexity O(characters) (a tail is re-scanned at most
 * maxRecordChars ÷ chunk size times).
 *
 * @example
 * const t = createCsvTokenizer({ delimiter: ',', onRecord: (f, line) => console.log(line, f), onError: () => {} });
 * t.push('a,b\n1,"x\ny"\n'); t.end(); // 1 ['a','b'] then 2 ['1','x\ny']
 */
export function createCsvTokenizer(options: CsvTokenizerOptions): CsvTokenizer {
  const whitespace = options.delimiter === 'whitespace';
  const delimiter = whitespace ? ' ' : options.delimiter;
  if (!whitespace && (delimiter.length !== 1 || delimiter === QUOTE || delimiter === '\n' || delimiter === '\r')) {
    throw new RangeError(`createCsvTokenizer requires a one-character delimiter other than a quote or line break, got ${JSON.stringify(delimiter)}`);
  }
  const maxRecordChars = options.maxRecordChars ?? MAX_RECORD_CHARS;
  const fields: string[] = [];
  let pending = '';
  let failed = false;
  let line = 1;
  let started = false;

  const splitPlain = (buf: string, from: number, to: number): void => {
    fields.length = 0;
    if (whitespace) {
      const text = buf.slice(from, to).trim();
      for (const f of text.split(/[ \t]+/)) fields.push(f);
      return;
    }
    let s = from;
    for (;;) {
      const d = buf.indexOf(delimiter, s);
      if (d === -1 || d >= to) {
        fields.push(buf.slice(s, to));
        return;
      }
      fields.push(buf.slice(s, d));
      s = d + 1;
    }
  };

  /** Parses one record with quotes from `from`; returns the index after its line break, or -1 if the buffer ends first. */
  let newlinesInRecord = 0;
  const parseQuoted = (buf: string, from: number, final: boolean): number => {
    fields.length = 0;
    newlinesInRecord = 0;
    let i = from;
    const n = buf.length;
    for (;;) {
      let field = '';
      if (i < n && buf[i] === QUOTE) {
        i++;
        let chunk = i;
        for (;;) {
          const q = buf.indexOf(QUOTE, i);
          if (q === -1) return -1;
          for (let k = buf.indexOf('\n', i); k !== -1 && k < q; k = buf.indexOf('\n', k + 1)) newlinesInRecord++;
          if (buf[q + 1] === QUOTE) {
            field += buf.slice(chunk, q + 1);
            i = q + 2;
            chunk = i;
            continue;
          }
          if (q + 1 >= n && !final) return -1;
          field += buf.slice(chunk, q);
          i = q + 1;
          break;
        }
      }
      // Unquoted text (or text after a closing quote), up to the delimiter or the line break.
      const start = i;
      while (i < n) {
        const c = buf[i];
        if (c === delimiter || c === '\n') break;
        i++;
      }
      if (i >= n && !final) return -1;
      let text = buf.slice(start, i);
      if (i < n && buf[i] === '\n' && text.endsWith('\r')) text = text.slice(0, -1);
      else if (i >= n && text.endsWith('\r')) text = text.slice(0, -1);
      field += text;
      fields.push(field);
      if (i >= n) return n;
      if (buf[i] === '\n') return i + 1;
      i++; // delimiter
    }
  };

  const process = (buf: string, final: boolean): string => {
    let pos = 0;
    let nextQuote = whitespace ? -1 : buf.indexOf(QUOTE);
    const n = buf.length;
    while (pos < n) {
      let nl = buf.indexOf('\n', pos);
      if (nextQuote !== -1 && nextQuote < pos) nextQuote = buf.indexOf(QUOTE, pos);
      const lineEnd = nl === -1 ? n : nl;
      if (nextQuote === -1 || nextQuote >= lineEnd) {
        if (nl === -1 && !final) break;
        if (nl === -1) nl = n;
        const end = nl > pos && buf.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
        if (end > pos && !(whitespace && buf.slice(pos, end).trim() === '')) {
          splitPlain(buf, pos, end);
          options.onRecord(fields, line);
        }
        line++;
        pos = nl + 1;
        continue;
      }
      const next = parseQuoted(buf, pos, final);
      if (next === -1) {
        if (final) {
          options.onError(line, 'unterminated quoted field');
          return '';
        }
        break;
      }
      options.onRecord(fields, line);
      line += 1 + newlinesInRecord;
      pos = next;
    }
    return pos >= n ? '' : buf.slice(pos);
  };

  return {
    push(text: string): void {
      if (failed) return;
      if (!started) {
        started = true;
        if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      }
      pending = process(pending + text, false);
      if (pending.length > maxRecordChars) {
        failed = true;
        pending = '';
        options.onError(line, `the record is longer than ${maxRecordChars} characters (a quote that never closes, or no line breaks)`);
      }
    },
    end(): void {
      if (!failed && pending.length > 0) process(pending, true);
      pending = '';
    },
  };
}
