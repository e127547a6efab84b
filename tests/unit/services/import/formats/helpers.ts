// Shared by the format tests: the fixtures, the invented texts they were made from, and small assertions.
import { readFileSync } from 'node:fs';
import type { ParsedArticle } from '../../../../../shared/domain/types';
import { extractFile } from '../../../../../electron/services/import/formats/registry';
import {
  DEFAULT_LIMITS,
  type ExtractedItem,
  type ImportLimits,
} from '../../../../../electron/services/import/formats/types';
import texts from '../../../../fixtures/formats/texts.json';

export const { IT, EN } = texts;

/** Hostile inputs must be refused quickly; every test that feeds one runs under this timeout. */
export const HOSTILE_TIMEOUT = 10_000;

export function fixture(name: string): Uint8Array {
  return new Uint8Array(readFileSync(new URL(`../../../../fixtures/formats/${name}`, import.meta.url)));
}

export const utf8 = (s: string) => new TextEncoder().encode(s);
export const text = (b: Uint8Array) => new TextDecoder().decode(b);

export function extract(
  label: string,
  bytes: Uint8Array,
  limits: Partial<ImportLimits> = {},
): Promise<ExtractedItem[]> {
  return extractFile(label, bytes, { limits: { ...DEFAULT_LIMITS, ...limits } });
}

export type ArticleItem = Extract<ExtractedItem, { article: ParsedArticle }>;

export function isArticle(item: ExtractedItem): item is ArticleItem {
  return 'article' in item;
}

/** The one article a file yields. */
export async function onlyArticle(label: string, bytes: Uint8Array): Promise<ArticleItem> {
  const items = await extract(label, bytes);
  expect(items.map((i) => ('refusal' in i ? i.refusal : 'article'))).toEqual(['article']);
  return items[0] as ArticleItem;
}

/** The reason a file (as a whole) is refused. */
export async function refusal(
  label: string,
  bytes: Uint8Array,
  limits: Partial<ImportLimits> = {},
): Promise<string> {
  const items = await extract(label, bytes, limits);
  expect(items).toHaveLength(1);
  const [item] = items;
  if (!item || !('refusal' in item))
    throw new Error(`expected a refusal, got an article: ${JSON.stringify(item)}`);
  expect(item.label).toBe(label);
  return item.refusal;
}

/** label → "article" or the refusal reason, in order. */
export function outcomes(items: ExtractedItem[]): Array<[string, string]> {
  return items.map((i) => [i.label, 'refusal' in i ? i.refusal : 'article']);
}
