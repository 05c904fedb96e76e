import type { CoachSettings } from '../../domain/coach';
import type { CoachSettingsStore, StoredCoachSettings } from '../coach-settings';
import type {
  CoachLibraryReader,
  LinkedLibraryItem,
  SparringRequestRecord,
  SparringStore,
  SparringWaitTimes,
} from '../sparring';

const median = (values: number[]) => {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
const average = (values: number[]) =>
  values.length ? values.reduce((a, b) => a + b, 0) / values.length : null;
const minutes = (v: number | null) => (v === null ? null : Math.round(v / 60_000));

/** In-memory sparring requests for unit tests (one tenant's names from `names`). */
export class MemorySparringStore implements SparringStore {
  readonly rows: (SparringRequestRecord & { tenantId: string })[] = [];
  private nextId = 1;
  constructor(private readonly names: Map<string, string> = new Map()) {}

  private view(row: SparringRequestRecord & { tenantId: string }): SparringRequestRecord {
    const { tenantId: _tenantId, ...record } = row;
    return { ...record, personName: this.names.get(row.personId) ?? null };
  }

  async create(tenantId: string, input: Parameters<SparringStore['create']>[1]) {
    const existing = this.rows.find((r) => r.tenantId === tenantId && r.requestKey === input.requestKey);
    if (existing) return { request: this.view(existing), created: false };
    const { at, ...rest } = input;
    const row = {
      tenantId,
      id: this.nextId++,
      personName: null,
      ...rest,
      status: 'open' as const,
      reply: null,
      answeredBy: null,
      createdAt: at,
      answeredAt: null,
    };
    this.rows.push(row);
    return { request: this.view(row), created: true };
  }

  async get(tenantId: string, id: number) {
    const row = this.rows.find((r) => r.tenantId === tenantId && r.id === id);
    return row ? this.view(row) : null;
  }

  async answer(tenantId: string, id: number, input: { reply: string; answeredBy: string; at: Date }) {
    const row = this.rows.find((r) => r.tenantId === tenantId && r.id === id && r.status === 'open');
    if (!row) return null;
    Object.assign(row, {
      status: 'answered',
      reply: input.reply,
      answeredBy: input.answeredBy,
      answeredAt: input.at,
    });
    return this.view(row);
  }

  async listQueue(tenantId: string, limit: number) {
    const mine = this.rows.filter((r) => r.tenantId === tenantId);
    const open = mine.filter((r) => r.status === 'open').sort((a, b) => +a.createdAt - +b.createdAt);
    const answered = mine
      .filter((r) => r.status === 'answered')
      .sort((a, b) => +(b.answeredAt ?? 0) - +(a.answeredAt ?? 0));
    return [...open, ...answered].slice(0, limit).map((r) => this.view(r));
  }

  async listForPerson(tenantId: string, personId: string, limit: number) {
    return this.rows
      .filter((r) => r.tenantId === tenantId && r.personId === personId)
      .sort((a, b) => +b.createdAt - +a.createdAt || b.id - a.id)
      .slice(0, limit)
      .map((r) => this.view(r));
  }

  async waitTimes(tenantId: string, now: Date): Promise<SparringWaitTimes> {
    const mine = this.rows.filter((r) => r.tenantId === tenantId);
    const open = mine.filter((r) => r.status === 'open').map((r) => +now - +r.createdAt);
    const answered = mine
      .filter((r) => r.status === 'answered')
      .map((r) => +(r.answeredAt ?? now) - +r.createdAt);
    return {
      openCount: open.length,
      answeredCount: answered.length,
      openAverageMinutes: minutes(average(open)),
      openMedianMinutes: minutes(median(open)),
      answeredAverageMinutes: minutes(average(answered)),
      answeredMedianMinutes: minutes(median(answered)),
    };
  }

  async deleteForPerson(tenantId: string, personId: string) {
    const before = this.rows.length;
    for (let i = this.rows.length - 1; i >= 0; i--) {
      const row = this.rows[i]!;
      if (row.tenantId === tenantId && row.personId === personId) this.rows.splice(i, 1);
    }
    return before - this.rows.length;
  }
}

/** In-memory coach settings for unit tests. */
export class MemoryCoachSettings implements CoachSettingsStore {
  readonly rows = new Map<string, StoredCoachSettings>();

  async get(tenantId: string) {
    return this.rows.get(tenantId) ?? null;
  }

  async put(tenantId: string, settings: CoachSettings, change: { updatedBy: string | null; at: Date }) {
    const stored = { ...settings, updatedBy: change.updatedBy, updatedAt: change.at };
    this.rows.set(tenantId, stored);
    return stored;
  }
}

/** A fixed library for unit tests: these live captions and these linked items. */
export class StaticCoachLibrary implements CoachLibraryReader {
  constructor(
    readonly captions: string[] = [],
    readonly items: LinkedLibraryItem[] = [],
  ) {}

  async liveCaptions() {
    return this.captions;
  }

  async liveItemsByLink(_tenantId: string, urls: string[]) {
    const wanted = new Set(urls.map((u) => u.replace(/\/+$/, '')));
    return this.items.filter((i) => wanted.has(i.linkUrl.replace(/\/+$/, '')));
  }
}
