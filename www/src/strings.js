// The widget's own words in the viewer's language: the empty, error and loading texts, the "show more" button and
// its announcement. A small table here, not in the wasm: the wasm only ever renders the text it is given.

// Per language: empty | error | loading | show more | added (one) | added (other), "{n}" the count. A language
// whose sentence needs no plural form has one "added".
const TABLE = {
  en: 'No posts yet.|Could not load the posts.|Loading posts…|Show more|{n} more post shown|{n} more posts shown',
  ko: '아직 글이 없습니다.|글을 불러오지 못했습니다.|글을 불러오는 중…|더 보기|글 {n}개를 더 표시했습니다.',
  ja: 'まだ投稿はありません。|投稿を読み込めませんでした。|投稿を読み込み中…|もっと見る|投稿を{n}件追加で表示しました。',
  zh: '暂无文章。|无法加载文章。|正在加载文章…|显示更多|又显示了 {n} 篇文章。',
  'zh-hant': '目前還沒有文章。|無法載入文章。|正在載入文章…|顯示更多|又顯示了 {n} 篇文章。',
  es: 'Todavía no hay entradas.|No se pudieron cargar las entradas.|Cargando entradas…|Mostrar más|Se muestra {n} entrada más|Se muestran {n} entradas más',
  fr: 'Aucun article pour le moment.|Impossible de charger les articles.|Chargement des articles…|Afficher plus|{n} article de plus affiché|{n} articles de plus affichés',
  de: 'Noch keine Beiträge.|Die Beiträge konnten nicht geladen werden.|Beiträge werden geladen…|Mehr anzeigen|{n} weiterer Beitrag angezeigt|{n} weitere Beiträge angezeigt',
  pt: 'Ainda não há publicações.|Não foi possível carregar as publicações.|Carregando publicações…|Mostrar mais|Mais {n} publicação exibida|Mais {n} publicações exibidas',
  ru: 'Пока нет записей.|Не удалось загрузить записи.|Загрузка записей…|Показать ещё|Показано ещё записей: {n}',
};

/**
 * The widget's strings for a BCP 47 locale: its language's, else English. Chinese is Traditional for `zh-Hant`
 * and the regions that write it (`zh-TW`, `zh-HK`, `zh-MO`), else Simplified; `pt-BR` and `pt-PT` share `pt`.
 * @param {string | null} [locale]
 */
export function strings(locale) {
  const tag = String(locale || '').toLowerCase().replace(/_/g, '-');
  const language = tag.split('-')[0];
  let key = language === 'zh' && !/-hans\b/.test(tag) && /-(hant|tw|hk|mo)\b/.test(tag) ? 'zh-hant' : language;
  if (!Object.hasOwn(TABLE, key)) key = 'en';
  const [empty, error, loading, more, ...added] = TABLE[/** @type {keyof TABLE} */ (key)].split('|');
  return {
    empty, error, loading, more,
    /** The announcement for `n` posts added, in the plural form the language's rules pick. @param {number} n */
    added: (n) => added[+(added.length > 1 && new Intl.PluralRules(key).select(n) !== 'one')].replace('{n}', String(n)),
  };
}
