// What each stance means, shown in the tag form, the legend and as badge tooltips.
import type { Stance } from '../../../shared/domain/types';

export const STANCE_INFO: Record<Stance, { label: string; short: string; explain: string }> = {
  asserts: {
    label: 'asserts',
    short: 'says it is true',
    explain: 'The speaker states the claim as true in their own voice.',
  },
  reports: {
    label: 'reports',
    short: 'relays that someone said it',
    explain: 'The source relays that someone made the claim, without endorsing it.',
  },
  supports: {
    label: 'supports',
    short: 'gives evidence for it',
    explain: 'The text gives evidence or arguments in favour of the claim.',
  },
  disputes: {
    label: 'disputes',
    short: 'questions or contests it',
    explain: 'The text questions the claim or adds doubt or context against it.',
  },
  denies: { label: 'denies', short: 'says it is false', explain: 'The speaker says the claim is false.' },
};
