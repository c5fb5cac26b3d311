// An independent probe: the visible counts of a page, found without our site rules or our
// recognizer. Every visible text run (open shadow roots included) where a number stands
// next to a metric word, in the languages Sincerely supports. Its word list and number
// pattern are written here on their own, so a fault of the recognizer or of a rule is not
// also a fault of the check. Run in the page: `page.evaluate(visibleCounts, exclude)`.

/**
 * Returns `["1.2K followers", …]`: each visible number-and-metric-word run outside the
 * elements matching `exclude` (a case's post texts, which must stay as their authors wrote
 * them, "I have 3 followers" included).
 */
export function visibleCounts(exclude = []) {
  // Metric words, singular and plural, per language (en es pt fr de it nl ru tr ja ko zh).
  const words = [
    'followers?', 'following', 'likes?', 'reposts?', 'retweets?', 'quotes?', 'replies', 'reply', 'comments?', 'views?',
    'subscribers?', 'votes?', 'upvotes?', 'points?', 'karma', 'stars?', 'forks?', 'watchers?', 'shares?', 'reactions?',
    'claps?', 'posts?', 'tweets?', 'toots?', 'bookmarks?', 'connections?', 'members?', 'boosts?', 'favou?rites?', 'plays?', 'listens?', 'readers?',
    'seguidores?', 'siguiendo', 'seguindo', 'me gusta', 'curtidas?', 'respuestas?', 'respostas?', 'comentarios?',
    'comentários?', 'visualizaciones', 'visualizações', 'reproducciones', 'suscriptores', 'inscritos', 'votos?',
    'abonnés', 'abonnements?', "j[’']aime", 'commentaires?', 'réponses?', 'vues', 'partages?',
    'follower', 'abonnenten', 'kommentare?', 'antworten', 'aufrufe', 'gefällt mir', 'reaktionen', 'stimmen',
    'mi piace', 'commenti', 'risposte', 'visualizzazioni', 'iscritti', 'volgers', 'reacties', 'weergaven',
    'подписчик(?:а|ов|и)?', 'подписок', 'отметок', 'комментари(?:й|я|ев)', 'ответ(?:а|ов)?', 'просмотр(?:а|ов)?',
    'takipçi', 'takip', 'beğeni', 'yorum', 'yanıt', 'görüntülenme',
    'フォロワー', 'フォロー中', 'いいね', '件の返信', '返信', 'コメント', '回視聴', '視聴回数', '登録者',
    '팔로워', '팔로잉', '좋아요', '댓글', '조회수', '구독자',
    '关注者', '粉丝', '赞', '评论', '回复', '次观看', '订阅者',
  ].join('|');
  // A number: digits with group separators and decimals, an optional short scale.
  const number = String.raw`\d[\d.,\u00a0\u202f ]*\d|\d`;
  const scale = String.raw`(?:\s?(?:[KkMmBb]|mil|Mio\.?|Mrd\.?|mln|тыс\.?|млн|万|億|천|만|千|k))?`;
  const after = new RegExp(String.raw`(?:^|[^\p{L}\d])(?:${number})${scale}\s*\+?\s*(?:${words})(?![\p{L}])`, 'iu');
  // "Followers 1,234", "View replies (4)"; not "views 3 days ago", where the number is
  // a date's.
  const before = new RegExp(String.raw`(?:^|[^\p{L}])(?:${words})\s*[:(]?\s*(?:${number})${scale}(?![\p{L}\d])(?!\s*\p{L})`, 'iu');
  const found = [];
  const visible = (element) => element.checkVisibility({ opacityProperty: true, visibilityProperty: true });
  // Runs of their own: blocks, atomic inline boxes (a tab's inline-flex link) and
  // controls (a link, a button), so that one tab's number does not read as the next tab's.
  const blockish = (element) => {
    if (['A', 'BUTTON', 'LI', 'TD', 'TH'].includes(element.tagName)) return true;
    const display = getComputedStyle(element).display;
    return display !== 'inline' && display !== 'contents';
  };
  // The text a reader sees as one run: the visible text nodes under one box, in order,
  // with the boxes inside it as breaks.
  const runs = new Map();
  const visit = (root) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
    for (let node = walker.currentNode; node; node = walker.nextNode()) {
      if (node.nodeType === Node.ELEMENT_NODE) {
        if (node.shadowRoot) visit(node.shadowRoot);
        continue;
      }
      const parent = node.parentElement;
      if (!parent || !node.data.trim() || ['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TITLE'].includes(parent.tagName)) continue;
      if (!visible(parent) || exclude.some((selector) => parent.closest(selector))) continue;
      let block = parent;
      while (block.parentElement && !blockish(block)) block = block.parentElement;
      runs.set(block, (runs.get(block) ?? '') + node.data);
    }
  };
  visit(document.documentElement);
  for (const text of runs.values()) {
    const flat = text.replace(/\s+/g, ' ').trim();
    // Prose is not an interface text: a post that says "I have 3 followers" is its author's.
    if (flat.length > 200) continue;
    if (after.test(flat) || before.test(flat)) found.push(flat);
  }
  return found;
}
