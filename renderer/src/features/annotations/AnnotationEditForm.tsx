// Editing an annotation in place. Only changed fields are sent; a reworded claim that matches no existing
// claim is created first, since annotations.update takes a claim id.
import { useRef, useState } from 'react';
import type { Annotation, ClaimSummary } from '../../../../shared/domain/types';
import { useAppStore } from '../../state/store-context';
import { findClaimByText, parseTags } from '../../state/selectors';
import type { AnnotationPatch } from '../reader/reader-slice';
import { AnnotationFields, annotationFormHandlers, type FieldValues } from './AnnotationFields';
import { ClaimCombobox } from '../claims/ClaimCombobox';

export function AnnotationEditForm({
  annotation: a,
  claim,
  onDone,
}: {
  annotation: Annotation;
  claim: ClaimSummary | null;
  onDone(): void;
}) {
  const claims = useAppStore((s) => s.claims);
  const updateAnnotation = useAppStore((s) => s.updateAnnotation);
  const createClaim = useAppStore((s) => s.createClaim);
  const [query, setQuery] = useState(claim?.text ?? '');
  const [picked, setPicked] = useState<ClaimSummary | null>(claim);
  const [fields, setFields] = useState<FieldValues>({
    stance: a.stance,
    speaker: a.speaker,
    tags: a.tags.join(', '),
    note: a.note,
  });
  const [saving, setSaving] = useState(false);
  const savingRef = useRef(false);

  const save = async () => {
    if (savingRef.current || !query.trim()) return;
    savingRef.current = true;
    setSaving(true);
    const fail = () => {
      savingRef.current = false;
      setSaving(false);
    };
    const patch: AnnotationPatch = {};
    let claimId = (picked ?? findClaimByText(claims, query))?.id;
    if (!claimId) claimId = (await createClaim(query.trim(), fields.speaker.trim()))?.id;
    if (!claimId) return fail();
    if (claimId !== a.claimId) patch.claimId = claimId;
    if (fields.stance !== a.stance) patch.stance = fields.stance;
    if (fields.speaker.trim() !== a.speaker) patch.speaker = fields.speaker.trim();
    const tags = parseTags(fields.tags);
    if (tags.join('\u0000') !== a.tags.join('\u0000')) patch.tags = tags;
    if (fields.note.trim() !== a.note) patch.note = fields.note.trim();
    if (Object.keys(patch).length === 0) return onDone();
    if (await updateAnnotation(a.id, patch)) onDone();
    else fail();
  };

  return (
    <form
      className="edit-form"
      data-testid="annotation-edit-form"
      aria-label="Edit annotation"
      {...annotationFormHandlers(() => void save(), onDone)}
    >
      <ClaimCombobox
        query={query}
        picked={picked}
        inputTestId="edit-claim-input"
        optionTestId="edit-claim-option"
        onQueryChange={(q) => {
          setQuery(q);
          setPicked(null);
        }}
        onPick={(c) => {
          setQuery(c.text);
          setPicked(c);
        }}
        onSubmit={() => void save()}
      />
      <AnnotationFields
        values={fields}
        onChange={(p) => setFields((f) => ({ ...f, ...p }))}
        testIdPrefix="edit-"
      />
      <div className="form-actions">
        <button
          type="submit"
          className="button button--primary"
          data-testid="save-edit"
          disabled={saving || !query.trim()}
        >
          Save
        </button>
        <button type="button" className="button" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
