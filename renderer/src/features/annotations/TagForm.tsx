// Tagging the frozen selection as evidence for a claim (existing or new); saved at once on Save/Enter.
import { useRef, useState } from 'react';
import type { MethodInput } from '../../../../shared/api/contract';
import type { ClaimSummary } from '../../../../shared/domain/types';
import { useAppStore } from '../../state/store-context';
import { findClaimByText, parseTags } from '../../state/selectors';
import type { ReaderSelection } from '../reader/reader-slice';
import { excerpt, focusReader } from '../../lib/focus';
import { AnnotationFields, annotationFormHandlers, type FieldValues } from './AnnotationFields';
import { ClaimCombobox } from '../claims/ClaimCombobox';

export function TagForm({ target }: { target: ReaderSelection }) {
  const claims = useAppStore((s) => s.claims);
  const createAnnotation = useAppStore((s) => s.createAnnotation);
  const cancelTagging = useAppStore((s) => s.cancelTagging);
  const [query, setQuery] = useState('');
  const [picked, setPicked] = useState<ClaimSummary | null>(null);
  const [fields, setFields] = useState<FieldValues>({ stance: 'asserts', speaker: '', tags: '', note: '' });
  const [saving, setSaving] = useState(false);
  // State updates land after the event; the ref stops a second submit from the same keystroke or click.
  const savingRef = useRef(false);
  const valid = query.trim().length > 0 && !saving;

  const cancel = () => {
    cancelTagging();
    focusReader();
  };

  const save = async () => {
    if (!valid || savingRef.current) return;
    const speaker = fields.speaker.trim();
    const base = {
      articleId: target.articleId,
      target: {
        start: target.start,
        end: target.end,
        quote: { exact: target.exact, prefix: target.prefix, suffix: target.suffix },
      },
      stance: fields.stance,
      speaker,
      tags: parseTags(fields.tags),
      note: fields.note.trim(),
    };
    // Typing an existing claim's exact wording reuses it rather than creating a duplicate.
    const existing = picked ?? findClaimByText(claims, query);
    const input: MethodInput<'annotations.create'> = existing
      ? { ...base, claimId: existing.id }
      : { ...base, newClaim: { text: query.trim(), speaker } };
    savingRef.current = true;
    setSaving(true);
    const created = await createAnnotation(input);
    if (created) {
      focusReader();
      return;
    }
    savingRef.current = false;
    setSaving(false);
  };

  return (
    <form
      className="tag-form"
      data-testid="tag-form"
      aria-label="Tag claim"
      {...annotationFormHandlers(() => void save(), cancel)}
    >
      <h2 className="panel-heading">Tag claim</h2>
      <blockquote className="quote" data-testid="tag-quote">
        {excerpt(target.exact)}
      </blockquote>
      <ClaimCombobox
        query={query}
        picked={picked}
        autoFocus
        onQueryChange={(q) => {
          setQuery(q);
          setPicked(null);
        }}
        onPick={(c) => {
          setQuery(c.text);
          setPicked(c);
          // The claim's usual speaker is the likely one here too; the analyst can change it.
          if (!fields.speaker && c.speaker) setFields((f) => ({ ...f, speaker: c.speaker }));
        }}
        onSubmit={() => void save()}
      />
      <AnnotationFields values={fields} onChange={(p) => setFields((f) => ({ ...f, ...p }))} />
      <div className="form-actions">
        <button
          type="submit"
          className="button button--primary"
          data-testid="save-annotation"
          disabled={!valid}
        >
          {saving ? 'Saving…' : 'Save'}
        </button>
        <button
          type="button"
          className="button"
          onClick={cancel}
          data-testid="cancel-annotation"
          title="Cancel (Esc)"
        >
          Cancel
        </button>
      </div>
    </form>
  );
}
