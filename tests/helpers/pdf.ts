// A PDF file written object by object, as the tests that need a small, exact PDF build one: objects numbered
// from 1 (the first is the catalog), the cross-reference table and the trailer. The caller encodes the
// source (a PDF string is bytes: Latin-1 for WinAnsi text).

/** The file's source; `trailer` adds entries to the trailer dictionary (e.g. "/Info 6 0 R"). */
export function pdfSource(objects: readonly string[], trailer = ''): string {
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R${trailer ? ` ${trailer}` : ''} >>\nstartxref\n${xref}\n%%EOF\n`;
  return out;
}
