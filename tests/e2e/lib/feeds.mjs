// Feed fixtures, written here (never copied): small Atom, RSS and JSON Feed documents built from post lists.
const DAY = 86400000;

export const escapeXml = (text) => String(text).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]);

/** Midnight-free timestamps: whole seconds, so that `datetime` round-trips exactly. */
const at = (ms) => new Date(Math.floor(ms / 1000) * 1000);

/**
 * `n` posts, newest first: post i is dated (3 + 2i) days before `now`, so the first one reads "3 days ago".
 * Links are relative ("posts/1"), so they resolve against the feed's own URL.
 */
export function posts(n, { prefix = 'Post', now = Date.now(), titles, start = 1, images = false, imageBase = 'img/' } = {}) {
  return Array.from({ length: n }, (_, i) => {
    const k = start + i;
    return {
      id: `urn:e2e:${prefix.replace(/\W+/g, '-')}:${k}`,
      title: titles ? titles[i % titles.length] + (i >= titles.length ? ` ${k}` : '') : `${prefix} ${k}`,
      link: `posts/${prefix.replace(/\W+/g, '-').toLowerCase()}-${k}`,
      date: at(now - (3 + 2 * i) * DAY - 3600000),
      summary: `Summary of ${prefix} ${k}: a short paragraph that says what the post is about, in plain words.`,
      author: `Author ${k}`,
      categories: k % 2 ? ['odd', 'news'] : ['even'],
      image: images ? { url: `${imageBase}${k}.svg`, width: 320, height: 180 } : null,
    };
  });
}

export const KOREAN_TITLES = ['웹어셈블리로 만든 피드 위젯', '한글 요약은 글자 단위로 자른다', '다크 모드와 접근성', '정적 사이트에 최근 글 붙이기', '캐시와 새로고침', '오류 상태 보여주기', '일곱째 글'];

export function atom({ title = 'E2E Atom feed', lang = 'en', link = 'http://127.0.0.1/', entries }) {
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xmlns:media="http://search.yahoo.com/mrss/" xml:lang="${lang}">
  <title>${escapeXml(title)}</title>
  <link rel="alternate" type="text/html" href="${escapeXml(link)}"/>
  <id>urn:e2e:${escapeXml(title)}</id>
  <updated>${(entries[0]?.date || new Date(0)).toISOString()}</updated>
${entries.map((e) => `  <entry>
    <title>${escapeXml(e.title)}</title>
    <link rel="alternate" href="${escapeXml(e.link)}"/>
    <id>${escapeXml(e.id)}</id>
    <published>${e.date.toISOString()}</published>
    <updated>${e.date.toISOString()}</updated>
    <author><name>${escapeXml(e.author)}</name></author>
${e.categories.map((c) => `    <category term="${escapeXml(c)}"/>`).join('\n')}
${e.image ? `    <media:thumbnail url="${escapeXml(e.image.url)}" width="${e.image.width}" height="${e.image.height}"/>` : ''}
    <summary>${escapeXml(e.summary)}</summary>
  </entry>`).join('\n')}
</feed>
`;
}

export function rss({ title = 'E2E RSS feed', lang = 'en', link = 'http://127.0.0.1/', entries }) {
  return `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
  <title>${escapeXml(title)}</title>
  <link>${escapeXml(link)}</link>
  <description>Test feed</description>
  <language>${lang}</language>
${entries.map((e) => `  <item>
    <title>${escapeXml(e.title)}</title>
    <link>${escapeXml(e.link)}</link>
    <guid isPermaLink="false">${escapeXml(e.id)}</guid>
    <pubDate>${e.date.toUTCString()}</pubDate>
    <dc:creator>${escapeXml(e.author)}</dc:creator>
${e.categories.map((c) => `    <category>${escapeXml(c)}</category>`).join('\n')}
${e.image ? `    <media:thumbnail url="${escapeXml(e.image.url)}" width="${e.image.width}" height="${e.image.height}"/>` : ''}
    <description>${escapeXml(e.summary)}</description>
  </item>`).join('\n')}
</channel>
</rss>
`;
}

export function jsonFeed({ title = 'E2E JSON feed', lang = 'en', link = 'http://127.0.0.1/', entries }) {
  return JSON.stringify({
    version: 'https://jsonfeed.org/version/1.1',
    title, home_page_url: link, language: lang,
    items: entries.map((e) => ({
      id: e.id, url: e.link, title: e.title, summary: e.summary, date_published: e.date.toISOString(),
      authors: [{ name: e.author }], tags: e.categories, ...(e.image ? { image: e.image.url } : {}),
    })),
  }, null, 2);
}

/** A small SVG thumbnail (its own drawing: a coloured panel with a number). */
export function svgImage(n) {
  const hues = [210, 150, 30, 280, 0, 100, 330, 190];
  const hue = hues[n % hues.length];
  return `<svg xmlns="http://www.w3.org/2000/svg" width="320" height="180" viewBox="0 0 320 180">
<rect width="320" height="180" fill="hsl(${hue} 60% 55%)"/>
<circle cx="250" cy="50" r="70" fill="hsl(${hue} 70% 70%)"/>
<rect x="24" y="120" width="150" height="14" rx="7" fill="#fff" opacity=".85"/>
<rect x="24" y="144" width="90" height="10" rx="5" fill="#fff" opacity=".6"/>
</svg>`;
}

export const LOGIN_PAGE = `<!doctype html><html lang="en"><head><title>Sign in</title></head>
<body><form method="post" action="/login"><label>User <input name="user"></label><button>Sign in</button></form></body></html>`;
