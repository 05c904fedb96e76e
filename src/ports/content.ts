// The content library's persistence port. Filled in by the content work (issue 3).
/** Content items, caption variants, workflow transitions, topics and images. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface ContentStore {}
