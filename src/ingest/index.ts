/**
 * The readers: files, directories, stdin and URLs in; reports and rejections out.
 */
export { readPaths, htmlToText, DEFAULT_MAX_BYTES } from './read-paths.js';
export { readHtml, decodeHtml } from './read-html.js';
export { decodeUtf8 } from './read-text.js';
export { parseTelegramExport } from './read-telegram.js';
export { describeOrigin, formatRejection } from './types.js';
export type { ReadItem, ReadReport, ReadRejection, ReadOptions, Origin, InputFormat } from './types.js';
