#!/usr/bin/env node
// Deterministic benchmark feeds: jekyll-feed style Atom (escaped HTML) and WordPress style RSS 2.0
// (content:encoded in CDATA), with 10, 100 and 1000 entries (about 20 KB, 1 MB and 10 MB).
//
//   node bench/generate.mjs [--out target/bench-feeds]
//
// A seeded PRNG (mulberry32) drives every choice, so every run writes the same bytes; manifest.json lists
// each file's size and SHA-256 so that a change in the generator shows. The output folder is git-ignored
// (target/); nothing generated here is committed.
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const outAt = args.indexOf('--out');
const out = resolve(outAt >= 0 ? args[outAt + 1] : join(root, 'target', 'bench-feeds'));

/** mulberry32: a tiny seeded PRNG; the same seed gives the same sequence on every run and machine. */
function prng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: (list) => list[Math.floor(next() * list.length)],
  };
}

const KO = [
  '최종적 일관성은 분산 시스템에서 가장 오해받는 개념 중 하나입니다.',
  '이번 글에서는 웹어셈블리로 피드를 파싱하는 방법을 살펴봅니다.',
  '캐시를 무효화하는 일은 생각보다 훨씬 어렵습니다.',
  '러스트의 소유권 모델은 처음에는 낯설지만 곧 익숙해집니다.',
  '벤치마크는 항상 같은 기계에서, 같은 입력으로 여러 번 반복해야 합니다.',
  '서버를 재시작하지 않고도 설정을 바꿀 수 있게 되었습니다.',
  '지난 분기 동안 응답 시간이 절반으로 줄었습니다.',
  '이 문제는 동시성 버그였고, 재현하는 데만 사흘이 걸렸습니다.',
  '한글과 English가 섞인 문장도 올바르게 잘려야 합니다.',
  '데이터베이스 마이그레이션은 작은 단계로 나누어 진행했습니다.',
  '테스트가 통과하면 배포 파이프라인이 자동으로 시작됩니다.',
  '읽어 주셔서 감사합니다. 질문은 댓글로 남겨 주세요.',
];
const EN = [
  'Eventual consistency is one of the most misunderstood ideas in distributed systems.',
  'This post walks through parsing feeds in WebAssembly, step by step.',
  'Cache invalidation turned out to be harder than we expected & took three tries.',
  'The borrow checker feels strange at first, then it becomes a habit.',
  'Always benchmark on the same machine, with the same input, many times over.',
  'We can now change the configuration without restarting the server.',
  'Median latency fell by half over the last quarter.',
  'It was a race condition, and reproducing it took "three whole days".',
  'Sentences that mix 한국어 and English must still be cut at grapheme boundaries.',
  'We split the database migration into small, reversible steps.',
  'When the tests pass, the deployment pipeline starts on its own.',
  'Thanks for reading; questions are welcome in the comments <3.',
];
const WORDS = ['rust', 'wasm', 'feed', 'parser', 'cache', 'latency', '성능', '배포', '테스트', '설계', 'atom', 'rss'];
const CATEGORIES = ['Rust', 'WebAssembly', '개발', 'Performance', '데이터베이스', 'DevOps', '회고', 'Frontend', 'Security', '분산 시스템'];
const AUTHORS = [['김지현', 'jihyun'], ['Alex Kim', 'alex'], ['박서준', 'seojun'], ['Maria Lopez', 'maria']];
const CODE = [
  // rouge-style highlighted Rust: many tags, each of which is `&lt;` in an Atom feed.
  [
    'rust',
    '<span class="k">fn</span> <span class="nf">median</span><span class="p">(</span><span class="n">xs</span><span class="p">:</span> <span class="o">&amp;</span><span class="k">mut</span> <span class="p">[</span><span class="nb">f64</span><span class="p">])</span> <span class="k">-&gt;</span> <span class="nb">f64</span> <span class="p">{</span>\n' +
      '    <span class="n">xs</span><span class="nf">.sort_by</span><span class="p">(|</span><span class="n">a</span><span class="p">,</span> <span class="n">b</span><span class="p">|</span> <span class="n">a</span><span class="nf">.total_cmp</span><span class="p">(</span><span class="n">b</span><span class="p">));</span>\n' +
      '    <span class="n">xs</span><span class="p">[</span><span class="n">xs</span><span class="nf">.len</span><span class="p">()</span> <span class="o">/</span> <span class="mi">2</span><span class="p">]</span>\n' +
      '<span class="p">}</span>',
  ],
  [
    'javascript',
    '<span class="kd">const</span> <span class="nx">feed</span> <span class="o">=</span> <span class="k">await</span> <span class="nf">fetch</span><span class="p">(</span><span class="s2">"/feed.xml"</span><span class="p">).</span><span class="nf">then</span><span class="p">((</span><span class="nx">r</span><span class="p">)</span> <span class="o">=&gt;</span> <span class="nx">r</span><span class="p">.</span><span class="nf">arrayBuffer</span><span class="p">());</span>\n' +
      '<span class="k">if </span><span class="p">(</span><span class="nx">a</span> <span class="o">&lt;</span> <span class="nx">b</span> <span class="o">&amp;&amp;</span> <span class="nx">b</span> <span class="o">&gt;</span> <span class="mi">0</span><span class="p">)</span> <span class="nf">renderFeed</span><span class="p">(</span><span class="nx">el</span><span class="p">,</span> <span class="k">new</span> <span class="nc">Uint8Array</span><span class="p">(</span><span class="nx">feed</span><span class="p">));</span>',
  ],
  ['shell', '$ cargo bench --bench parse 2&gt;&amp;1 | tee bench.log\n$ grep -c "&lt;entry&gt;" feed.xml'],
];

const escapeXml = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeAttr = (s) => escapeXml(s).replace(/"/g, '&quot;');
const escapeHtml = escapeXml;
const pad = (n, w = 2) => String(n).padStart(w, '0');

/** One post: title, dates, categories, authors and an HTML body of about `bytes` bytes. */
function post(rng, index, bytes, site) {
  const ko = rng.next() < 0.6;
  const title = ko
    ? `${rng.pick(KO).slice(0, rng.int(10, 24))} — ${rng.pick(WORDS)} #${index}`
    : `${rng.pick(EN).slice(0, rng.int(20, 50))} — ${rng.pick(WORDS)} #${index}`;
  // Newest first, about two days apart, with a little jitter; Seoul time as jekyll writes it.
  const base = Date.UTC(2026, 2, 7, 3, 0, 0) - index * 2 * 86400000 - rng.int(0, 86400) * 1000;
  const date = new Date(base);
  const slug = `${date.getUTCFullYear()}/${pad(date.getUTCMonth() + 1)}/${pad(date.getUTCDate())}/post-${index}`;
  const paragraphs = [];
  let size = 0;
  let first = '';
  while (size < bytes) {
    const r = rng.next();
    let block;
    if (r < 0.5 || paragraphs.length === 0) {
      const sentences = [];
      for (let i = rng.int(2, 5); i > 0; i--) sentences.push(escapeHtml(rng.next() < 0.6 ? rng.pick(KO) : rng.pick(EN)));
      block = `<p>${sentences.join(' ')} <a href="/${slug}/#s${paragraphs.length}">${rng.pick(WORDS)}</a>와 <strong>${rng.pick(WORDS)}</strong>, <em>${rng.pick(WORDS)}</em>.</p>`;
      if (!first) first = block;
    } else if (r < 0.65) {
      const n = rng.int(1, 999);
      block = `<figure><img src="/assets/img/${slug.replace(/\//g, '-')}-${n}.png" alt="${escapeAttr(rng.pick(KO).slice(0, 16))}" width="${rng.int(3, 12) * 100}" height="${rng.int(2, 8) * 100}" loading="lazy"><figcaption>${escapeHtml(rng.pick(EN).slice(0, 40))}</figcaption></figure>`;
    } else if (r < 0.85) {
      const [lang, code] = rng.pick(CODE);
      block = `<div class="language-${lang} highlighter-rouge"><div class="highlight"><pre class="highlight"><code>${code}</code></pre></div></div>`;
    } else if (r < 0.93) {
      block = `<h2 id="h-${paragraphs.length}">${escapeHtml(rng.pick(KO).slice(0, 20))}</h2>`;
    } else {
      const items = [];
      for (let i = rng.int(2, 5); i > 0; i--) items.push(`<li>${escapeHtml(rng.pick(EN))} <code>${rng.pick(WORDS)}</code></li>`);
      block = `<ul>${items.join('')}</ul>`;
    }
    paragraphs.push(block);
    size += Buffer.byteLength(block);
  }
  const categories = [];
  for (let i = rng.int(1, 4); i > 0; i--) {
    const c = rng.pick(CATEGORIES);
    if (!categories.includes(c)) categories.push(c);
  }
  const authors = [rng.pick(AUTHORS)];
  if (rng.next() < 0.15) authors.push(rng.pick(AUTHORS.filter((a) => a !== authors[0])));
  return {
    index,
    title,
    url: `${site}/${slug}/`,
    published: date,
    updated: new Date(base + rng.int(0, 3) * 3600000),
    categories,
    authors,
    html: paragraphs.join('\n'),
    excerpt: first,
    image: `${site}/assets/img/${slug.replace(/\//g, '-')}-cover.jpg`,
    id: 1000 + index,
  };
}

/** 2026-03-07T12:00:00+09:00, as jekyll-feed writes dates. */
function iso(date) {
  const d = new Date(date.getTime() + 9 * 3600000);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}+09:00`;
}
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** Sat, 07 Mar 2026 03:00:00 +0000, as WordPress writes dates. */
function rfc822(date) {
  return `${DAYS[date.getUTCDay()]}, ${pad(date.getUTCDate())} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()} ${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())} +0000`;
}
const cdata = (s) => `<![CDATA[${s.replace(/]]>/g, ']]]]><![CDATA[>')}]]>`;

function atom(posts, site) {
  const parts = [
    '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom" xml:lang="ko">',
    '<generator uri="https://jekyllrb.com/" version="4.3.4">Jekyll</generator>',
    `<link href="${site}/feed.xml" rel="self" type="application/atom+xml" />`,
    `<link href="${site}/" rel="alternate" type="text/html" hreflang="ko" />`,
    `<updated>${iso(posts[0].updated)}</updated><id>${site}/feed.xml</id>`,
    '<title type="html">기술 블로그 &amp;amp; Notes</title><subtitle>러스트, 웹어셈블리, 그리고 성능에 관한 글</subtitle>',
    '<author><name>김지현</name></author>',
  ];
  for (const p of posts) {
    parts.push(
      `<entry xml:lang="ko"><title type="html">${escapeXml(escapeHtml(p.title))}</title>` +
        `<link href="${p.url}" rel="alternate" type="text/html" title="${escapeAttr(p.title)}" />` +
        `<published>${iso(p.published)}</published><updated>${iso(p.updated)}</updated><id>${p.url}</id>` +
        `<content type="html" xml:base="${p.url}">${escapeXml(p.html)}</content>` +
        p.authors.map(([name]) => `<author><name>${escapeXml(name)}</name></author>`).join('') +
        p.categories.map((c) => `<category term="${escapeAttr(c)}" />`).join('') +
        `<summary type="html">${escapeXml(p.excerpt)}</summary>` +
        `<media:thumbnail xmlns:media="http://search.yahoo.com/mrss/" url="${p.image}" />` +
        `<media:content medium="image" url="${p.image}" xmlns:media="http://search.yahoo.com/mrss/" /></entry>\n`,
    );
  }
  parts.push('</feed>\n');
  return parts.join('');
}

function rss(posts, site) {
  const parts = [
    '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"\n',
    '\txmlns:content="http://purl.org/rss/1.0/modules/content/"\n\txmlns:wfw="http://wellformedweb.org/CommentAPI/"\n',
    '\txmlns:dc="http://purl.org/dc/elements/1.1/"\n\txmlns:atom="http://www.w3.org/2005/Atom"\n',
    '\txmlns:sy="http://purl.org/rss/1.0/modules/syndication/"\n\txmlns:slash="http://purl.org/rss/1.0/modules/slash/"\n\t>\n\n<channel>\n',
    '\t<title>기술 블로그 &#38; Notes</title>\n',
    `\t<atom:link href="${site}/feed/" rel="self" type="application/rss+xml" />\n\t<link>${site}</link>\n`,
    '\t<description>러스트, 웹어셈블리, 그리고 성능에 관한 글</description>\n',
    `\t<lastBuildDate>${rfc822(posts[0].updated)}</lastBuildDate>\n\t<language>ko-KR</language>\n`,
    '\t<sy:updatePeriod>\n\thourly\t</sy:updatePeriod>\n\t<sy:updateFrequency>\n\t1\t</sy:updateFrequency>\n',
    '\t<generator>https://wordpress.org/?v=6.7.1</generator>\n',
  ];
  for (const p of posts) {
    const text = p.excerpt.replace(/<[^>]*>/g, '').slice(0, 220);
    parts.push(
      `\t<item>\n\t\t<title>${escapeXml(p.title)}</title>\n\t\t<link>${p.url}</link>\n` +
        `\t\t<comments>${p.url}#respond</comments>\n` +
        p.authors.map(([name]) => `\t\t<dc:creator>${cdata(name)}</dc:creator>\n`).join('') +
        `\t\t<pubDate>${rfc822(p.published)}</pubDate>\n` +
        p.categories.map((c) => `\t\t<category>${cdata(c)}</category>\n`).join('') +
        `\n\t\t<guid isPermaLink="false">${site}/?p=${p.id}</guid>\n` +
        `\t\t<description>${cdata(`<p>${text} [&#8230;]</p>`)}</description>\n` +
        `\t\t\t\t\t\t\t\t\t\t<content:encoded>${cdata(p.html)}</content:encoded>\n` +
        `\t\t\t\t\t<wfw:commentRss>${p.url}feed/</wfw:commentRss>\n\t\t\t<slash:comments>${p.id % 7}</slash:comments>\n\t\t</item>\n`,
    );
  }
  parts.push('\t</channel>\n</rss>\n');
  return parts.join('');
}

// entries → target size of the whole file (bytes); the body size per entry varies ±40 % around the mean.
const SIZES = [
  [10, 20 * 1024],
  [100, 1050 * 1024],
  [1000, 10500 * 1024],
];

mkdirSync(out, { recursive: true });
const manifest = {};
for (const [format, build, seed, overhead, inflate] of [
  ['atom', atom, 0xa7011, 1150, 1.25],
  ['rss', rss, 0x2552, 900, 1.0],
]) {
  for (const [count, target] of SIZES) {
    const site = 'https://blog.example';
    // Body size per entry, calibrated over three passes so that the whole file lands near the target size.
    let mean = Math.max(300, (target / count - overhead) / inflate);
    let bytes;
    for (let pass = 0; pass < 3; pass++) {
      const rng = prng(seed + count);
      const posts = [];
      for (let i = 0; i < count; i++) posts.push(post(rng, i, Math.round(mean * (0.6 + 0.8 * rng.next())), site));
      bytes = Buffer.from(build(posts, site), 'utf8');
      mean = Math.max(300, mean + (target - bytes.length) / count / inflate);
    }
    const name = `${format}-${count}.xml`;
    writeFileSync(join(out, name), bytes);
    manifest[name] = { entries: count, bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') };
  }
}
writeFileSync(join(out, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
for (const [name, m] of Object.entries(manifest)) {
  console.log(`${name.padEnd(14)} ${String(m.entries).padStart(5)} entries ${(m.bytes / 1024).toFixed(1).padStart(9)} KB  ${m.sha256.slice(0, 12)}`);
}
