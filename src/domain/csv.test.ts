import { describe, expect, it } from 'vitest';
import { csvCell, CsvSyntaxError, parseCsv, writeCsv } from './csv';

describe('CSV', () => {
  it('quotes what needs quoting and defuses formulas', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    for (const start of ['+', '-', '@']) expect(csvCell(`${start}1`)).toBe(`'${start}1`);
    expect(csvCell(-5)).toBe('-5');
    expect(csvCell(null)).toBe('');
    expect(writeCsv(['a', 'b'], [[1, 'x']])).toBe('\uFEFFa,b\r\n1,x\r\n');
  });

  it('parses what it writes, with line numbers of each record', () => {
    const text = writeCsv(
      ['id', 'note'],
      [
        ['1', 'a,b'],
        ['2', 'two\nlines'],
        ['3', 'say "hi"'],
      ],
    );
    expect(parseCsv(text)).toEqual([
      { line: 1, cells: ['id', 'note'] },
      { line: 2, cells: ['1', 'a,b'] },
      { line: 3, cells: ['2', 'two\nlines'] },
      { line: 5, cells: ['3', 'say "hi"'] },
    ]);
    expect(parseCsv('a,b\n\n1,\n')).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 3, cells: ['1', ''] },
    ]);
  });

  it('names the line of a broken quote', () => {
    expect(() => parseCsv('a\n"open')).toThrow(CsvSyntaxError);
    try {
      parseCsv('a,b\n1,"x"y\n');
    } catch (err) {
      expect((err as CsvSyntaxError).line).toBe(2);
    }
    expect.assertions(2);
  });
});
