// The sharing port: tracked links, shares, clicks. Filled in by the sharing work (issue 3).
/** Tracked links, shares and click counts. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface SharingStore {}

/** One human click on a tracked link, as the redirect saw it. */
export interface Click {
  tenantId: string;
  code: string;
  itemId: string;
  personId: string | null;
  network: string;
  visitorKey: string;
  at: Date;
}

/** Durable click counting: `record` resolves only once the click is committed. */
export interface ClickRecorder {
  record(click: Click): Promise<void>;
  /** Flushes what is buffered and stops; clicks recorded before close are never lost. */
  close(): Promise<void>;
}
