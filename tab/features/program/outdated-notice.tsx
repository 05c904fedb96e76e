import type { Me, ProgramView } from '@contracts';
import { useT } from '../../i18n';
import { Notice } from '../../ui/error-bar';

/** Warns a member who accepted an older version of the guidelines than the current one. */
export function OutdatedGuidelinesNotice({ me, program }: { me: Me; program: ProgramView | undefined }) {
  const t = useT();
  if (!me.guidelinesOutdated || !me.membership) return null;
  const current = program?.guidelines.version ?? me.membership.guidelinesVersion + 1;
  return (
    <Notice intent="warning" title={t.member.outdatedTitle}>
      <span data-testid="guidelines-outdated">
        {t.member.outdatedBody(me.membership.guidelinesVersion, current)}
      </span>
    </Notice>
  );
}
