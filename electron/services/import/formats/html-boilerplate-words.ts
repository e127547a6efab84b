// The words and phrases of page furniture, in English, Italian, German, French, Spanish and Portuguese, for the
// line cues of html-boilerplate-lines.ts. Each list names a kind of line, not a site: a line is furniture only
// when every word of it belongs to the list (share, navigation) or when it opens with one of the labels.

/** The verbs of sharing. A line of these, the networks and their glue alone is a share bar. */
export const SHARE_VERBS = new Set([
  // English
  'share',
  'shares',
  'shared',
  'sharing',
  'tweet',
  'email',
  'e-mail',
  'mail',
  'print',
  'copy',
  'comment',
  'comments',
  'save',
  // Italian, German, French, Spanish, Portuguese
  'condividi',
  'condivisioni',
  'stampa',
  'commenta',
  'teilen',
  'drucken',
  'kopieren',
  'partager',
  'partagez',
  'imprimer',
  'copier',
  'compartir',
  'comparte',
  'imprimir',
  'compartilhar',
  'compartilhe',
  'partilhar',
  // beyond the five: Dutch, Polish, Turkish, Russian, Chinese
  'delen',
  'udostępnij',
  'paylaş',
  'поделиться',
  '分享',
  '转发',
]);

/** The networks of share bars (one name alone may be a photo credit: a share bar names several). */
export const SHARE_NETWORKS = new Set([
  'facebook',
  'twitter',
  'x',
  'whatsapp',
  'pinterest',
  'pin',
  'pint',
  'linkedin',
  'reddit',
  'telegram',
  'messenger',
  'flipboard',
  'tumblr',
  'xing',
  'vk',
  'threads',
  'bluesky',
  'google',
  'sms',
]);

/** Glue words allowed in a share line ("Share on Twitter", "Condividi su Facebook", "Per E-Mail teilen"). */
export const SHARE_GLUE = new Set([
  'on',
  'via',
  'this',
  'the',
  'article',
  'story',
  'to',
  'su',
  'per',
  'auf',
  'bei',
  'artikel',
  'sur',
  'par',
  'l',
  'article',
  'en',
  'por',
  'no',
  'em',
  'artículo',
  'articolo',
  'artigo',
  'news',
  'and',
  'link',
  'url',
]);

/** Navigation and account links ("Sign In / Home / Subscribe"). */
export const NAV_PHRASES = new Set([
  'sign in',
  'sign up',
  'sign up now',
  'sign out',
  'log in',
  'login',
  'log out',
  'register',
  'subscribe',
  'subscribe now',
  'home',
  'menu',
  'search',
  'newsletter',
  'newsletters',
  'my account',
  'account',
  'skip to content',
  'skip to main content',
  'back to top',
  'close',
  'invalid email',
  'next story',
  'previous story',
  'read full article',
  'accedi',
  'registrati',
  'abbonati',
  'cerca',
  'esci',
  'anmelden',
  'registrieren',
  'abonnieren',
  'startseite',
  'suche',
  'abmelden',
  'connexion',
  'se connecter',
  "s'abonner",
  'abonnez-vous',
  'accueil',
  'rechercher',
  'recherche',
  'iniciar sesión',
  'suscríbete',
  'suscribirse',
  'registrarse',
  'buscar',
  'inicio',
  'portada',
  'entrar',
  'assine',
  // comment forms
  'leave a comment',
  'leave a reply',
  'post a comment',
  'lascia un commento',
  'lascia il tuo commento',
  'kommentar schreiben',
  'laisser un commentaire',
  'deja un comentario',
  'deja tu comentario',
  'deixe seu comentário',
  // advertising labels
  'advertisement',
  'story continues below advertisement',
  'continue reading below',
  'anzeige',
  'werbung',
  'pubblicità',
  'publicité',
  'publicidad',
]);

/** A line opening with one of these, and its list, is a tag list ("Tags: Russia, Kazakhstan"). */
export const TAG_LABELS =
  /^(?:tags?|tagged(?: with)?|topics?|keywords?|filed under|related topics|argomenti|tag correlati|parole chiave|themen|schlagw(?:ö|oe)rter|stichw(?:ö|oe)rter|mots[- ]cl(?:é|e)s|thèmes|etiquetas|temas|palabras clave|assuntos|tópicos|关键字|關鍵字|关键词|키워드|タグ|برچسب‌ها)(?![\p{L}\p{N}])\s*[:：]?/iu;

/**
 * Headings of a box of links to other stories ("You may also like", "Leggi anche"); the headlines after them
 * go too. Matched on the whole line (with an optional ":" or arrow), or as a prefix of a one-headline line.
 */
export const RELATED_LABELS = new RegExp(
  `^(?:${[
    'you (?:may|might) (?:also )?(?:like|enjoy|be interested in)',
    'related(?: articles?| stories| posts?| news| content| coverage| reading)?',
    'read (?:more|also|next)(?: on)?',
    'also read',
    'more (?:from|on|about|stories|news)\\b[^.!?]{0,40}',
    'further reading',
    'recommended(?: for you| stories)?',
    'most (?:read|viewed|popular|shared)',
    'trending(?: now)?',
    'latest (?:news|stories)',
    'top stories',
    'leggi anche',
    'leggi (?:pure|altro)',
    'potrebbe interessarti(?: anche)?',
    'ti potrebbe interessare',
    'articoli correlati',
    'notizie correlate',
    'le (?:più lette|ultime notizie)',
    'più letti',
    'lesen sie (?:auch|mehr)',
    'auch interessant',
    'mehr zum thema',
    'das könnte sie auch interessieren',
    'weitere artikel',
    'meistgelesen',
    '(?:à )?lire (?:aussi|également|la suite)',
    'sur le même sujet',
    'vous aimerez aussi',
    'les plus lus',
    'à voir aussi',
    'te (?:recomendamos|puede interesar)',
    'lee (?:también|más)',
    'leer más',
    'noticias relacionadas',
    'más noticias',
    'lo más (?:leído|visto)',
    'también te puede interesar',
    'leia (?:também|mais)',
    'veja também',
    'saiba mais',
    'baca(?: juga)?',
  ].join('|')})(?![\\p{L}\\p{N}])`,
  'iu',
);

/** "You are here:" before a breadcrumb trail. */
export const CRUMB_LABEL =
  /^(?:you are here|sei qui|ti trovi (?:qui|in)|sie sind hier|vous êtes ici|usted está en|estás en|está en|você está em)\s*[:：]?/iu;

/** The first link of a breadcrumb trail. */
export const HOME_WORDS = /^(?:home|homepage|startseite|accueil|inicio|portada|início|news|notizie)$/iu;

/** Words a byline opens with ("By Jane Doe", "Di Mario Rossi", "Von Anna Schmidt", "Par", "Por"). */
export const BYLINE_START =
  /^(?:by|written by|posted by|reporting by|di|a cura di|scritto da|pubblicato da|von|autor(?:in)?|par|publié par|por|publicado por|escrito por|redacción)\s*:?\s+/iu;

/** A byline's first word alone on its line, the name on the next. */
export const BYLINE_WORD = /^(?:by|von|di|par|por|de)\s*:?$/iu;

/** "Updated: Jan 23, 2020", "Pubblicato il: 30 Settembre 2020": a labelled date line, wherever it stands. */
export const DATE_LABEL =
  /^(?:(?:last )?updated|published|posted|first published|(?:ultimo )?aggiornat[oa]|pubblicat[oa]|ultimo aggiornamento|veröffentlicht|aktualisiert|zuletzt aktualisiert|stand|publié|mis à jour|publicado|actualizado|atualizado)(?:\s+(?:on|at|il|le|el|em|am))?\s*[:：]?\s*/iu;

/** "Tempo di lettura: 3 minuti", "5 min read", "Lesezeit: 4 Minuten": the reading time alone. */
export const READING_TIME =
  /^(?:(?:reading time|read time|tempo di lettura|lesezeit|lesedauer|temps de lecture|tiempo de lectura|tempo de leitura)\s*[:：]?\s*(?:ca\.\s*)?\d+\s*\p{L}*\.?|\d+\s*min(?:ute[ns]?|uti|\.)?\s*(?:read|di lettura|lesezeit|de lecture|de lectura|de leitura))$/iu;
