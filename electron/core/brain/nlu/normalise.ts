/** The NLU reads text through the one language layer (electron/core/text/fold.ts). */
export { arabicShare, asciiDigits, fold, matchTokens, stripArabicArticle, tokens, unglued } from '../../text';
