// A claim's own record: wording, usual speaker, note. Deleting is offered only when nothing cites it,
// which is also the only case the main side allows; Ctrl/Cmd+Z puts a deleted claim back.
import { useState } from 'react';
import type { ClaimSummary } from '../../../../shared/domain/types';
import { useAppStore } from '../../state/store-context';

export function ClaimEditor({ claim, evidenceCount }: { claim: ClaimSummary; evidenceCount: number | null }) {
  const updateClaim = useAppStore((s) => s.updateClaim);
  const deleteClaim = useAppStore((s) => s.deleteClaim);
  const [text, setText] = useState(claim.text);
  const [speaker, setSpeaker] = useState(claim.speaker);
  const [note, setNote] = useState(claim.note);
  const [busy, setBusy] = useState(false);
  const changed =
    text.trim() !== claim.text || speaker.trim() !== claim.speaker || note.trim() !== claim.note;
  const deletable = claim.sourceCount === 0 && evidenceCount === 0;

  const save = async () => {
    if (!changed || !text.trim()) return;
    setBusy(true);
    await updateClaim(claim.id, { text: text.trim(), speaker: speaker.trim(), note: note.trim() });
    setBusy(false);
  };

  return (
    <form
      className="claim-editor"
      data-testid="claim-editor"
      aria-label="Claim"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <label className="field-label" htmlFor="claim-editor-text">
        Claim
      </label>
      <textarea
        id="claim-editor-text"
        className="input claim-editor-text"
        rows={2}
        data-testid="claim-text-input"
        value={text}
        maxLength={1000}
        onChange={(e) => setText(e.currentTarget.value)}
      />
      <label className="field-label" htmlFor="claim-editor-speaker">
        Speaker
      </label>
      <input
        id="claim-editor-speaker"
        className="input"
        data-testid="claim-speaker-input"
        value={speaker}
        maxLength={200}
        onChange={(e) => setSpeaker(e.currentTarget.value)}
      />
      <label className="field-label" htmlFor="claim-editor-note">
        Note
      </label>
      <textarea
        id="claim-editor-note"
        className="input"
        rows={2}
        data-testid="claim-note-input"
        value={note}
        onChange={(e) => setNote(e.currentTarget.value)}
      />
      <div className="form-actions">
        <button
          type="submit"
          className="button button--primary"
          data-testid="save-claim"
          disabled={!changed || !text.trim() || busy}
        >
          Save claim
        </button>
        <button
          type="button"
          className="button button--danger"
          data-testid="delete-claim"
          disabled={!deletable || busy}
          title={deletable ? 'Delete this claim' : 'Only a claim without evidence can be deleted'}
          onClick={async () => {
            setBusy(true);
            if (!(await deleteClaim(claim.id))) setBusy(false);
          }}
        >
          Delete claim
        </button>
      </div>
    </form>
  );
}
