import type { Stance } from '../../../shared/domain/types';
import { STANCE_INFO } from '../lib/stances';

export function StanceBadge({ stance }: { stance: Stance }) {
  return (
    <span
      className={`stance-badge stance-badge--${stance}`}
      data-stance={stance}
      title={STANCE_INFO[stance].explain}
    >
      {stance}
    </span>
  );
}
