import { csvField, csvValue } from './csv.js';

describe('csvValue', () => {
  it('writes null, numbers and plain text as they are, and quotes what RFC 4180 requires', () => {
    expect([csvValue(null), csvValue(-4.5), csvValue(0), csvValue('voice'), csvValue('a,b'), csvValue('say "hi"'), csvValue('two\nlines')])
      .toEqual(['', '-4.5', '0', 'voice', '"a,b"', '"say ""hi"""', '"two\nlines"']);
  });

  it('neutralises text a spreadsheet would execute with a leading quote (OWASP CSV injection)', () => {
    expect([
      csvValue('=HYPERLINK("http://x","y")'), csvValue('+1'), csvValue('+49 30 1234'), csvValue('-A1'), csvValue('-2+3+cmd|\' /C calc\'!A0'),
      csvValue('@SUM(A1:A2)'), csvValue('\t=1'), csvValue('\r=1'), csvValue('=1,2'),
    ]).toEqual([
      '"\'=HYPERLINK(""http://x"",""y"")"', "'+1", "'+49 30 1234", "'-A1", "'-2+3+cmd|' /C calc'!A0",
      "'@SUM(A1:A2)", "'\t=1", '"\'\r=1"', '"\'=1,2"',
    ]);
  });

  it('leaves negative numbers written as text, a lone dash and inner formula characters alone', () => {
    expect([csvValue('-5'), csvValue('-0.25'), csvValue('-.5'), csvValue('-1e3'), csvValue('-'), csvValue('a=b'), csvValue('x@y.z'), csvValue('')])
      .toEqual(['-5', '-0.25', '-.5', '-1e3', '-', 'a=b', 'x@y.z', '']);
    expect([csvField(true), csvField({ a: '=1' }), csvField(undefined)]).toEqual(['true', '"{""a"":""=1""}"', '']);
  });
});
