import type {
  Impact,
  ItemStats,
  MyShares,
  ShareCompleted,
  ShareFeedback,
  SharePreparation,
} from '../contracts';
import type { MyShare, Share } from '../ports/sharing';
import type { ShareCompletedResult } from '../services/complete-share';
import type { ImpactResult } from '../services/get-impact';
import type { getItemStats } from '../services/get-item-stats';
import type { SharePreparationResult } from '../services/prepare-share';

// Presenters choose exactly which fields go on the wire; rows never leave as they are.

export function presentSharePreparation(p: SharePreparationResult): SharePreparation {
  return {
    shareId: p.shareId,
    itemId: p.itemId,
    network: p.network,
    trackedUrl: p.trackedUrl,
    caption: p.caption,
    variantPosition: p.variantPosition,
    variantCount: p.variantCount,
    advertising: p.advertising,
    limit: p.limit,
    imageUrl: p.imageUrl,
    status: p.status,
  };
}

export function presentShareCompleted(c: ShareCompletedResult): ShareCompleted {
  return {
    shareId: c.shareId,
    status: c.status,
    recorded: c.recorded,
    text: c.text,
    disclosure: { added: c.disclosure.added, warnings: [...c.disclosure.warnings] },
    intent: { url: c.intent.url, fallbackUrl: c.intent.fallbackUrl, manual: c.intent.manual },
  };
}

export function presentShareFeedback(s: Share): ShareFeedback {
  return {
    shareId: s.id,
    itemId: s.itemId,
    network: s.network,
    status: s.status,
    postUrl: s.postUrl,
    reactions: s.reactions,
    comments: s.comments,
    sharedAt: s.sharedAt?.toISOString() ?? null,
  };
}

export function presentMyShares(list: MyShare[]): MyShares {
  return {
    shares: list.map((s) => ({
      shareId: s.shareId,
      itemId: s.itemId,
      title: s.title,
      network: s.network,
      sharedAt: s.sharedAt.toISOString(),
      postUrl: s.postUrl,
      reactions: s.reactions,
      comments: s.comments,
    })),
  };
}

const counts = (c: { shares: number; clicks: number; uniqueClicks: number }) => ({
  shares: c.shares,
  clicks: c.clicks,
  uniqueClicks: c.uniqueClicks,
});

export function presentImpact(i: ImpactResult): Impact {
  return {
    days: i.days,
    totals: { ...counts(i.totals), reactions: i.totals.reactions, comments: i.totals.comments },
    byItem: i.byItem.map((r) => ({ itemId: r.itemId, title: r.title, ...counts(r) })),
    byNetwork: i.byNetwork.map((r) => ({ network: r.network, ...counts(r) })),
    daily: i.daily.map((d) => ({ date: d.date, shares: d.shares, clicks: d.clicks })),
  };
}

export function presentItemStats(s: Awaited<ReturnType<typeof getItemStats>>): ItemStats {
  return {
    itemId: s.itemId,
    ...counts(s),
    byNetwork: s.byNetwork.map((r) => ({ network: r.network, ...counts(r) })),
  };
}

/** The page for an unknown tracked link: plain HTML in Danish and English, no JSON and no details. */
export const UNKNOWN_LINK_PAGE = `<!doctype html>
<html lang="da">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>Linket findes ikke · Link not found</title>
<style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem;line-height:1.5;color:#242424}h1{font-size:1.4rem}</style>
</head>
<body>
<main>
<h1>Linket findes ikke</h1>
<p>Linket, du har fulgt, findes ikke. Tjek, at du har fået hele adressen med.</p>
<hr>
<div lang="en">
<h1>Link not found</h1>
<p>The link you followed does not exist. Check that you have the whole address.</p>
</div>
</main>
</body>
</html>
`;
