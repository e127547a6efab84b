// Where focus goes when a form in the panel closes: back to the reader, where the work continues.
export function focusReader(): void {
  const reader = document.querySelector<HTMLElement>('[data-testid="reader"]');
  reader?.focus({ preventScroll: true });
}

/** A long quote shortened for display; the full text stays in the data. */
export function excerpt(text: string, max = 280): string {
  const cps = Array.from(text.replace(/\s+/g, ' ').trim());
  return cps.length > max ? `${cps.slice(0, max - 1).join('')}…` : cps.join('');
}
