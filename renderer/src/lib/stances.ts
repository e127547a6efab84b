// What each stance means, shown in the tag form, the legend and as badge tooltips.
import type { Stance } from '../../../shared/types';

export const STANCE_INFO: Record<Stance, { label: string; explain: string }> = {
  asserts: { label: 'asserts', explain: 'The speaker states the claim as true in their own voice.' },
  reports: { label: 'reports', explain: 'The source relays that someone made the claim, without endorsing it.' },
  supports: { label: 'supports', explain: 'The text gives evidence or arguments in favour of the claim.' },
  disputes: { label: 'disputes', explain: 'The text questions the claim or adds doubt or context against it.' },
  denies: { label: 'denies', explain: 'The speaker says the claim is false.' },
};
