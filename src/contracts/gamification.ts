import { z } from 'zod';

// Gamification (issue 6): points, leaderboards, badges, challenges and prize draws. Owned by the
// gamification work; everything is switchable and private by default.
export const ZGamificationPlaceholder = z.object({});
