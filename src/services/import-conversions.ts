import { schemaMessageKey } from '../contracts/schema-messages';
import { ZConversionRequest } from '../contracts/conversions';
import { CsvSyntaxError, parseCsv } from '../domain/csv';
import { AppError, type FieldProblem } from '../domain/errors';
import { msg } from '../domain/messages';
import { attribute, type ConversionDeps } from './record-conversion';

/** The most rows one file may hold (the body limit keeps the file itself small too). */
export const MAX_IMPORT_ROWS = 10_000;

/** Column names in the file, and the request fields they fill. */
const COLUMNS = {
  external_id: 'externalId',
  kind: 'kind',
  code: 'code',
  utm_content: 'utmContent',
  utm_campaign: 'utmCampaign',
  occurred_at: 'occurredAt',
} as const;
type Column = keyof typeof COLUMNS;
const FIELD_TO_COLUMN = Object.fromEntries(Object.entries(COLUMNS).map(([c, f]) => [f, c])) as Record<
  string,
  Column
>;

const invalid = (problems: FieldProblem[]) =>
  new AppError(
    'VALIDATION_FAILED',
    msg('csvImportRejected', { count: new Set(problems.map((p) => p.field.split('.')[0])).size }),
    {
      problems,
    },
  );

/**
 * Imports conversions from CSV (header: external_id, kind, code or utm_content, occurred_at, and
 * optionally utm_campaign), attributed like reported ones. All or nothing: when any line has a
 * problem, every problem is reported with its line number and nothing is stored. External ids stored
 * before are left as they are (a re-import changes nothing).
 */
export async function importConversions(
  deps: ConversionDeps,
  input: { tenantId: string; csv: string },
): Promise<{ imported: number; alreadyStored: number }> {
  let records;
  try {
    records = parseCsv(input.csv);
  } catch (err) {
    if (err instanceof CsvSyntaxError) {
      throw new AppError('VALIDATION_FAILED', msg('csvSyntax', { line: err.line }), {
        problems: [{ field: `line ${err.line}`, message: msg('csvSyntax', { line: err.line }) }],
      });
    }
    throw err;
  }
  const [header, ...rows] = records;
  if (!header) throw new AppError('VALIDATION_FAILED', 'csvEmpty');
  const names = header.cells.map((c) => c.trim().toLowerCase());
  const missing = [
    ...(['external_id', 'kind', 'occurred_at'] as const).filter((c) => !names.includes(c)),
    ...(names.includes('code') || names.includes('utm_content') ? [] : ['code']),
  ];
  if (missing.length) {
    throw new AppError('VALIDATION_FAILED', msg('csvHeaderInvalid', { missing: missing.join(', ') }));
  }
  if (rows.length > MAX_IMPORT_ROWS) {
    throw new AppError('VALIDATION_FAILED', msg('csvTooManyRows', { max: MAX_IMPORT_ROWS }));
  }

  const problems: FieldProblem[] = [];
  const parsed: { line: number; value: ReturnType<typeof ZConversionRequest.parse> }[] = [];
  const firstLineOf = new Map<string, number>();
  for (const row of rows) {
    if (row.cells.length !== names.length) {
      problems.push({
        field: `line ${row.line}`,
        message: msg('csvWrongCellCount', { expected: names.length, found: row.cells.length }),
      });
      continue;
    }
    const value: Record<string, string> = {};
    names.forEach((name, i) => {
      const field = COLUMNS[name as Column] as string | undefined;
      const cell = row.cells[i]!.trim();
      if (field && cell !== '') value[field] = cell;
    });
    const result = ZConversionRequest.safeParse(value);
    if (!result.success) {
      for (const issue of result.error.issues) {
        const field = String(issue.path[0] ?? '');
        const key = schemaMessageKey(issue.message);
        problems.push({
          field: `line ${row.line}.${FIELD_TO_COLUMN[field] ?? field}`,
          message: key ? msg(key) : issue.code === 'invalid_type' ? msg('required') : msg('invalidValue'),
        });
      }
      continue;
    }
    if (!result.data.occurredAt) {
      problems.push({ field: `line ${row.line}.occurred_at`, message: msg('required') });
      continue;
    }
    const first = firstLineOf.get(result.data.externalId);
    if (first !== undefined) {
      problems.push({ field: `line ${row.line}.external_id`, message: msg('csvDuplicateId', { first }) });
      continue;
    }
    firstLineOf.set(result.data.externalId, row.line);
    parsed.push({ line: row.line, value: result.data });
  }
  if (problems.length) throw invalid(problems);

  const codes = parsed.flatMap(({ value }) => {
    const code = value.code || value.utmContent;
    return code ? [code] : [];
  });
  const links = await deps.conversions.attributions(input.tenantId, codes);
  const list = parsed.map(({ value }) => {
    const code = value.code || value.utmContent;
    return attribute(value, code ? links.get(code) : undefined, new Date(value.occurredAt!), 'csv');
  });
  const imported = await deps.conversions.insertMany(input.tenantId, list);
  return { imported, alreadyStored: list.length - imported };
}
