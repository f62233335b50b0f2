import type { CachedAnswers } from './cache.ts';
import { FIRST_VIEW_URLS } from './warm.ts';

const attribute = (text: string) => text.replaceAll('&', '&amp;').replaceAll('"', '&quot;');

/**
 * index.html with the first view's answers that the response cache holds for the data as it is now
 * (computed ahead by `warm.ts`, or asked by an earlier visitor), one
 * `<script type="application/json" data-answer=URL>` each, first in the head: the page draws them
 * without a request (packages/web/src/head-answers.ts). Answers of an older data generation are
 * never in the cache, so none is inlined after an import until it has been computed again.
 */
export function withFirstViewAnswers(html: string, answers: CachedAnswers): string {
  const scripts = FIRST_VIEW_URLS.flatMap((url) => {
    const body = answers.json(url);
    // `<` only occurs inside JSON strings, where \u003c means the same and cannot end the script
    const text = body?.replaceAll('<', '\\u003c');
    return text === undefined
      ? []
      : [`<script type="application/json" data-answer="${attribute(url)}">${text}</script>`];
  });
  return scripts.length === 0 ? html : html.replace(/<head>/i, (head) => `${head}\n${scripts.join('\n')}`);
}
