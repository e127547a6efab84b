// The two real scrape dumps, checked field by field against what a reader of the page would extract.
import { readFileSync } from 'node:fs';
import { articleText } from '../../../../../shared/domain/article-text';
import { extractArticle } from '../../../../../electron/services/import/text/text-file-extractor';

const fixture = (name: string) =>
  new Uint8Array(readFileSync(new URL(`../../../../fixtures/articles/${name}`, import.meta.url)));

describe('ilfogliettone.it dump (000)', () => {
  const a = extractArticle('000_9779fd24ea47166c.txt', fixture('000_9779fd24ea47166c.txt'));

  it('reads the metadata', () => {
    expect(a.title).toBe('Putin risponde agli Stati Uniti: da Kazakistan andremo via a tempo debito');
    expect(a.published).toBe('2022-01-10');
    // A "10 gennaio 2022" line of the text, not a scraper's timestamp.
    expect(a.publishedFrom).toBe('text');
    expect(a.modified).toBeNull();
    expect(a.outlet).toEqual({ name: 'ilfogliettone.it', domain: 'ilfogliettone.it' });
    expect(a.url).toBeNull();
    expect(a.language).toBe('it');
    expect(a.author).toBeNull();
    // Nothing in the source marks a standfirst, so the first paragraph stays a paragraph.
    expect(a.lead).toBe('');
  });

  it('keeps the four body paragraphs, trimmed, with NBSP runs collapsed to one space', () => {
    expect(a.paragraphs).toEqual([
      'Il presidente russo Vladimir Putin ha dichiarato che le forze russe e alleate inviate in Kazakistan per sostenere il potere centrale – che secondo lui è stato vittima di “un’aggressione” – lasceranno il Paese dopo la fine della loro missione. “Una volta che il contingente avrà espletato le sue funzioni, si ritirerà dal territorio del Kazakistan” ha detto Putin durante un incontro in videoconferenza con i suoi alleati, compreso lo stesso presidente kazako. “Comprendiamo che gli eventi in Kazakistan non sono i primi e lontani dall’essere gli ultimi tentativi di interferire dall’esterno negli affari interni dei nostri Stati”.',
      'Putin ha poi avvertito che Mosca non tollererà le “rivoluzioni colorate” nell’ex Unione Sovietica, un’espressione ricorrente usata per descrivere le rivolte orchestrate secondo il Cremlino dall’Occidente nei paesi dell’ex Unione Sovietica. E tuttavia alla “stabilità” kazaka si è dimostrata molto interessata la Cina che esce dall’ombra e assicura assistenza per “prevenire qualsiasi tipo di rivoluzione”. Secondo gli Stati Uniti – al di là delle dichiarazioni odierne di Putin – sarà “molto difficile” per il Kazakistan far ripartire l’esercito russo.',
      'Il presidente del Consiglio europeo, Charles Michel, ha avuto intanto un colloquio telefonico con il presidente del Kazakistan, Kassym-Jomart Tokayev. “Ho discusso degli ultimi sviluppi in Kazakistan”, ha riferito Michel su Twitter, aggiungendo ci aver “sottolineato l’importanza del partenariato tra Unione europea e Kazakistan, il sostegno alla sovranità, alla sicurezza e alla stabilità nel pieno rispetto dei diritti umani e delle libertà fondamentali”. Da parte sua il leader kazako ha riferito, sempre su Twitter, di aver avuto una “conversazione proficua” con il presidente del Consiglio europeo, “aggiornandolo sulla situazione” nel Paese. “Abbiamo affrontato un atto di aggressione senza precedenti e un assalto al nostro Stato e abbiamo adottato misure urgenti per ripristinare l’ordine costituzionale e lo stato di diritto”, ha dichiarato Tokayev, rimarcando che “non abbiamo mai usato e non useremo mai la forza armata contro manifestanti pacifici. Tutte queste accuse sono false”. “Il Kazakistan continuerà a rafforzare la partnership con l’Ue”, ha concluso.',
      'Infine, l’Onu è preoccupata per delle foto che ritraggono soldati kazaki che indossano il famoso casco blu delle Nazioni Unite. “Abbiamo espresso le nostre preoccupazioni alla Missione permanente in Kazakistan”, ha detto un portavoce delle Nazioni Unite. I soldati di un Paese membro dell’Onu possono indossare il casco blu solo se fanno parte di una missione di mantenimento della pace, e attualmente non è il caso in questo paese dell’Asia centrale”, ha spiegato la stessa fonte. Le foto in questione ritraevano soldati intervenuti durante la repressione delle proteste della scorsa settimana ad Almaty, la capitale kazaka. Non sono stati forniti dettagli su come i soldati siano riusciti a ottenere questi elmetti e sulle loro motivazioni.',
    ]);
  });

  it('drops the teaser, the follow-us, copyright and contact lines and the comments heading', () => {
    const text = articleText(a);
    for (const gone of [
      'Leggi anche',
      'Oreshnik',
      'Segui ilfogliettone',
      'RIPRODUZIONE',
      'Se avete correzioni',
      'Commenti',
      'redazione@',
    ]) {
      expect(text).not.toContain(gone);
    }
    expect(text.split(a.title).length - 1).toBe(1);
    expect(text).toContain('si ritirerà dal territorio del Kazakistan');
  });
});

describe('Sputnik Italia dump (004)', () => {
  const a = extractArticle('004_c43401fc495b10b3.txt', fixture('004_c43401fc495b10b3.txt'));

  it('reads the metadata', () => {
    expect(a.title).toBe('Kazakistan, giro di telefonate tra Putin e Tokayev: la situazione sotto controllo');
    expect(a.url).toBe(
      'https://it.sputniknews.com/20220107/putin-ha-tenuto-dei-colloqui-telefonici-con-i-leader-dei-paesi-della-csto---peskov-14511926.html',
    );
    expect(a.published).toBe('2022-01-07T14:26:00+01:00');
    // The scraper's own timestamp line.
    expect(a.publishedFrom).toBe('meta');
    expect(a.modified).toBe('2022-01-07T15:07:00+01:00');
    expect(a.outlet).toEqual({ name: 'Sputnik Italia', domain: 'it.sputniknews.com' });
    expect(a.language).toBe('it');
    expect(a.author).toBeNull();
  });

  it('takes the og:description as the lead, without its trailing dateline', () => {
    expect(a.lead).toBe(
      'Il presidente russo è in contatto con gli altri capi di stato dei paesi della CSTO, ha reso noto il portavoce del Cremlino, Dmitry Peskov.',
    );
  });

  it('splits the glued body line into paragraphs, the subheading on its own', () => {
    expect(a.paragraphs).toEqual([
      "Giovedì e venerdì, il presidente russo Vladimir Putin ha tenuto una serie di colloqui telefonici con i leader degli altri paesi dell'Organizzazione del Trattato per la sicurezza collettiva (CSTO), tra cui il presidente del Kazakistan Kassym-Jomart Tokayev.",
      "Il tema della discussione è stata proprio la situazione nella repubblica centroasiatica. Lo riferisce l'addetto stampa della presidenza russa, Dmitry Peskov.",
      'Peskov ha sottolineato che Putin "ha parlato ripetutamente al telefono con il presidente del Kazakistan Tokayev", con il quale "sono state discusse la situazione in Kazakistan e le azioni congiunte nell\'ambito del mandato della CSTO per combattere il terrorismo internazionale e garantire l\'ordine e la sicurezza dei cittadini del Kazakistan".',
      "In conclusione, il portavoce ha rilevato che \"il ministro della Difesa della Federazione Russa Sergei Shoigu, dal momento in cui è iniziata l'operazione delle forze di pace della CSTO, riferisce continuamente a Putin sull'andamento del trasferimento delle forze di pace in Kazakistan e sull'adempimento dei compiti assegnati\".",
      'La situazione in Kazakistan',
      'Le proteste di massa in Kazakistan sono iniziate nei primi giorni del 2022. I residenti di Zhanaozen e Aktau si sono opposti a un duplice aumento dei prezzi del gas e del petrolio, poi le proteste si sono estese ad altre città, tra cui Almaty, sfociando in violenti scontri con la polizia, saccheggi e atti vandalici.',
      'Facendo seguito alla richiesta del presidente Kassym-Jomart Tokayev, che aveva definito la situazione nel paese come "un\'invasione di bande addestrate dall\'estero", il Consiglio di sicurezza collettiva della CSTO ha deciso di inviare forze congiunte di pacificazione in Kazakistan per un periodo di tempo limitato.',
      'Oggi il presidente Tokayev ha dichiarato che le forze di "banditi e terroristi" ad Almaty hanno rifiutato di deporre le armi e ha garantito che le forze armate kazake continueranno le operazioni antiterroristiche fino al loro completo annientamento.',
      'Il prossimo 11 gennaio, inoltre, il capo dello stato kazako pronuncerà un discorso di fronte al parlamento del Paese, nel quale annuncerà un progetto di riforme.',
    ]);
    expect(a.paragraphs.find((p) => p.startsWith('Facendo seguito alla richiesta'))).toContain(
      'per un periodo di tempo limitato',
    );
  });

  it('drops the page-head and contact furniture', () => {
    const text = articleText(a);
    expect(text.split(a.title).length - 1).toBe(1);
    for (const gone of [
      '/html/head',
      'cdnnit1',
      '1920',
      'feedback.it@',
      'Notiziario',
      'it_IT',
      'mondo, russia',
      '07.01.2022, Sputnik',
    ]) {
      expect(text).not.toContain(gone);
    }
    expect(a.paragraphs).not.toContain('russia');
    expect(a.paragraphs).not.toContain('2022');
  });
});
