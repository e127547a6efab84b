// The one error type the importer throws on purpose. Its message is a short human sentence that the caller
// prefixes with the file name ("report.txt: not a text file (PNG image)"), so it never names the file itself.
export class ImportRefusal extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'ImportRefusal';
  }
}
