// Claims view: every claim with its counts per stance, and the selected claim's evidence across articles.
import { useState } from 'react';
import './claims.css';
import { ClaimsTable } from './ClaimsTable';
import { EvidencePane } from './EvidencePane';

export function ClaimsView() {
  const [filter, setFilter] = useState('');
  return (
    <>
      <section className="claims-pane" aria-label="Claims">
        <div className="list-toolbar">
          <input
            type="search"
            className="input"
            data-testid="claim-filter"
            placeholder="Filter claims by text, speaker or note"
            aria-label="Filter claims"
            value={filter}
            onChange={(e) => setFilter(e.currentTarget.value)}
          />
        </div>
        <ClaimsTable filter={filter} />
      </section>
      <EvidencePane />
    </>
  );
}
