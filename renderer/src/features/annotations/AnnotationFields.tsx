// Stance, speaker, tags and note: the fields the tag form and the edit form share.
import { useId, type FormEvent, type KeyboardEvent } from 'react';
import { STANCES, type Stance } from '../../../../shared/domain/types';
import { STANCE_INFO } from '../../lib/stances';

export interface FieldValues {
  stance: Stance;
  speaker: string;
  /** Comma separated, as typed. */
  tags: string;
  note: string;
}

interface Props {
  values: FieldValues;
  onChange(patch: Partial<FieldValues>): void;
  /** "" for the tag form ("stance-select"), "edit-" for the edit form, so both can be on screen. */
  testIdPrefix?: string;
}

export function AnnotationFields({ values, onChange, testIdPrefix = '' }: Props) {
  const id = useId();
  return (
    <>
      <div className="field">
        <label className="field-label" htmlFor={`${id}-stance`}>
          Stance
        </label>
        <select
          id={`${id}-stance`}
          className="input"
          data-testid={`${testIdPrefix}stance-select`}
          value={values.stance}
          onChange={(e) => onChange({ stance: e.currentTarget.value as Stance })}
        >
          {STANCES.map((s) => (
            <option key={s} value={s} title={STANCE_INFO[s].explain}>
              {s} — {STANCE_INFO[s].short}
            </option>
          ))}
        </select>
        <p className="field-hint">{STANCE_INFO[values.stance].explain}</p>
      </div>
      <div className="field">
        <label className="field-label" htmlFor={`${id}-speaker`}>
          Speaker <span className="field-optional">who says it in the text</span>
        </label>
        <input
          id={`${id}-speaker`}
          className="input"
          data-testid={`${testIdPrefix}speaker-input`}
          value={values.speaker}
          maxLength={200}
          onChange={(e) => onChange({ speaker: e.currentTarget.value })}
        />
      </div>
      <div className="field">
        <label className="field-label" htmlFor={`${id}-tags`}>
          Tags <span className="field-optional">comma separated</span>
        </label>
        <input
          id={`${id}-tags`}
          className="input"
          data-testid={`${testIdPrefix}tags-input`}
          value={values.tags}
          onChange={(e) => onChange({ tags: e.currentTarget.value })}
        />
      </div>
      <div className="field">
        <label className="field-label" htmlFor={`${id}-note`}>
          Note
        </label>
        <textarea
          id={`${id}-note`}
          className="input"
          rows={3}
          data-testid={`${testIdPrefix}note-input`}
          value={values.note}
          onChange={(e) => onChange({ note: e.currentTarget.value })}
        />
      </div>
    </>
  );
}

/**
 * The keys both annotation forms share: Enter (submit) and Ctrl/Cmd+Enter save, Escape cancels without reaching
 * the window's shortcuts.
 */
export function annotationFormHandlers(save: () => void, cancel: () => void) {
  return {
    onSubmit(e: FormEvent) {
      e.preventDefault();
      save();
    },
    onKeyDown(e: KeyboardEvent) {
      if (e.key === 'Escape') {
        e.preventDefault();
        e.stopPropagation();
        cancel();
      } else if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && !e.defaultPrevented) {
        e.preventDefault();
        save();
      }
    },
  };
}
