import { describe, expect, it } from 'vitest';
import { SCHEMA_MESSAGES, localiseSchemaMessage, schemaMessage, schemaMessageKey } from '../contracts';
import { AppError } from './errors';
import {
  MESSAGES,
  msg,
  render,
  type Message,
  type MessageKey,
  type MessageParams,
  type ParamMessageKey,
} from './messages';
import { LANGUAGES } from './person';

/** Parameters for every message that takes some; a new one without an example does not compile. */
const EXAMPLES: { [K in ParamMessageKey]: MessageParams<K> } = {
  tooManyRequests: { seconds: 42 },
  requestPartInvalid: { part: 'body' },
  needsRole: { roles: ['comms', 'approver'] },
  badRequest: { detail: null },
  noRoute: { method: 'GET', url: '/api/nope' },
  wrongType: { expected: 'number', received: 'string' },
  oneOf: { options: ['linkedin', 'x'] },
  unknownFields: { keys: ['colour'] },
  minChars: { min: 3 },
  maxChars: { max: 40 },
  minItems: { min: 1 },
  maxItems: { max: 5 },
  minNumber: { min: 0, inclusive: false },
  maxNumber: { max: 50, inclusive: true },
  notMultipleOf: { of: 5 },
  mustEqual: { expected: '"shared"' },
  tokenScope: { scope: 'access_as_user' },
  botRefused: { reason: null },
  guidelinesChanged: { version: 3 },
  transitionRefused: { status: 'draft', action: 'approve' },
  captionNeeded: { language: 'da' },
  captionTooLong: {
    position: 2,
    language: 'en',
    length: 283,
    advertising: true,
    network: 'X',
    limit: 280,
    over: 3,
  },
  unknownTopic: { topic: 'gossip' },
  topicExists: { key: 'csr' },
  imageTypeRefused: { type: 'image/bmp' },
  imageTooLarge: { size: 6_000_000, limit: 5 * 1024 * 1024 },
  imageNotOfType: { typeName: 'PNG' },
  imageTypeMismatch: { typeName: 'JPEG', declared: 'image/png', actual: 'image/jpeg' },
  networkNotOffered: { network: 'tiktok' },
  chooseItemNetwork: { networks: ['linkedin', 'x'] },
  postTooLong: { length: 290, marked: true, network: 'X', limit: 280 },
  networkAllows: { network: 'X', limit: 280 },
  sharepointForbidden: { step: 'create' },
  sharepointBusy: { seconds: 30 },
  sharepointFailed: { status: 500, code: 'generalException' },
  draftTooLong: { length: 6200, max: 5000 },
  csvHeaderInvalid: { missing: 'kind, occurred_at' },
  csvSyntax: { line: 4 },
  csvTooManyRows: { max: 10_000 },
  csvImportRejected: { count: 2 },
  csvDuplicateId: { first: 2 },
  csvWrongCellCount: { expected: 4, found: 3 },
  drawBeforeChallengeEnds: { endsAt: '2026-12-31T23:00:00.000Z' },
  drawAlreadyRun: { by: 'Mette Holm', at: '2026-03-05 14:02 UTC' },
  drawEarlierDrawsMismatch: { draws: 1, seen: 2 },
  prizeWinBody: { challenge: '#GrønOmstilling' },
};

function example(key: MessageKey): Message {
  return (key in EXAMPLES ? { key, params: EXAMPLES[key as ParamMessageKey] } : { key }) as Message;
}

describe('the message catalogue', () => {
  it('has words in every language for every message, and Danish that is not the English', () => {
    const keys = Object.keys(MESSAGES) as MessageKey[];
    expect(keys.length).toBeGreaterThan(100);
    for (const key of keys) {
      const words = LANGUAGES.map((language) => render(example(key), language));
      for (const text of words) expect(text.trim(), key).not.toBe('');
      expect(new Set(words).size, key).toBe(LANGUAGES.length);
    }
  });

  it('renders parameters in each language', () => {
    const stale = msg('guidelinesChanged', { version: 4 });
    expect(render(stale, 'en')).toBe(
      'The guidelines changed (now version 4); read and accept the current version',
    );
    expect(render(stale, 'da')).toBe(
      'Retningslinjerne er ændret (nu version 4); læs og acceptér den nye version',
    );
    expect(render(msg('oneOf', { options: ['da', 'en'] }), 'da')).toBe('skal være en af: da, en');
    expect(render(msg('unknownFields', { keys: ['a', 'b'] }), 'da')).toBe('ukendte felter: a, b');
  });

  it('gives AppError its English words as the Error message, for logs', () => {
    const err = new AppError('CONFLICT', msg('topicExists', { key: 'csr' }));
    expect(err.message).toBe('there is already a topic with the key "csr"');
    expect(render(err.text, 'da')).toBe('der findes allerede et emne med nøglen "csr"');
    expect(new AppError('ALREADY_MEMBER', 'alreadyMember').text).toEqual({ key: 'alreadyMember' });
  });
});

describe('schema messages', () => {
  it('have distinct English words, so a schema problem finds its entry again', () => {
    const english = Object.values(SCHEMA_MESSAGES).map((m) => m.en);
    expect(new Set(english).size).toBe(english.length);
    for (const key of Object.keys(SCHEMA_MESSAGES) as (keyof typeof SCHEMA_MESSAGES)[]) {
      expect(schemaMessageKey(schemaMessage(key))).toBe(key);
    }
  });

  it('localise a schema text, and leave unknown texts alone', () => {
    expect(localiseSchemaMessage('the title is required', 'da')).toBe('titlen er påkrævet');
    expect(localiseSchemaMessage('the title is required', 'en')).toBe('the title is required');
    expect(localiseSchemaMessage('Required', 'da')).toBe('Required');
  });
});
