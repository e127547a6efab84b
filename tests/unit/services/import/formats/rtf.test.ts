import { fixture, refusal } from './helpers';

describe('RTF', () => {
  it('is refused with advice until a maintained RTF parser is a dependency', async () => {
    expect(await refusal('articolo.rtf', fixture('articolo.rtf'))).toBe(
      'RTF is not supported yet; save it as .docx or .txt',
    );
  });
});
