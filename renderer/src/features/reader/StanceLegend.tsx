// What the highlight colours mean.
import { STANCES } from '../../../../shared/domain/types';
import { STANCE_INFO } from '../../lib/stances';

export function StanceLegend() {
  return (
    <ul className="stance-legend" aria-label="Highlight colours">
      {STANCES.map((s) => (
        <li key={s} title={STANCE_INFO[s].explain}>
          <span className={`legend-swatch hl--${s}`} aria-hidden="true" />
          {STANCE_INFO[s].label}
        </li>
      ))}
    </ul>
  );
}
