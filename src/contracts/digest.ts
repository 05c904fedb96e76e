import { z } from 'zod';

// The weekly digest and the reach calculator (issue 6).
export const ZDigestPlaceholder = z.object({});
