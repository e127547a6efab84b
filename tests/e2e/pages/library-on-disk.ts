// A library folder as the app leaves it on disk, read without the app: the index of articles and each
// article's folder, the claims, one annotations file per article, the settings, backups and damaged files
// moved aside. Tests compare it with what the window shows.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Annotation, ArticleMeta, Claim } from '../../../shared/domain/types';

const visible = (names: string[]) => names.filter((n) => !n.startsWith('.'));

export class LibraryOnDisk {
  constructor(readonly dir: string) {}

  /** The bytes of a file in the library folder ('articles.json', 'damaged/<when>/articles.json'…). */
  bytes(rel: string): Buffer {
    return readFileSync(join(this.dir, rel));
  }

  text(rel: string): string {
    return this.bytes(rel).toString('utf8');
  }

  private json<T>(rel: string): T {
    return JSON.parse(this.text(rel)) as T;
  }

  exists(rel: string): boolean {
    return existsSync(join(this.dir, rel));
  }

  /** The article index (articles.json). */
  articles(): ArticleMeta[] {
    return this.json<{ articles: ArticleMeta[] }>('articles.json').articles;
  }

  /** The article folders under articles/ (hidden entries skipped). */
  articleFolders(): string[] {
    return visible(readdirSync(join(this.dir, 'articles')));
  }

  /** The original file an article was imported from, as stored in its folder. */
  original(id: string): Buffer | undefined {
    const name = readdirSync(join(this.dir, 'articles', id)).find((n) => n.startsWith('original'));
    return name === undefined ? undefined : readFileSync(join(this.dir, 'articles', id, name));
  }

  claims(): Claim[] {
    return this.json<{ claims: Claim[] }>('claims.json').claims;
  }

  /** An article's annotations (annotations/<id>.json); none when it has no file. */
  annotations(articleId: string): Annotation[] {
    const rel = join('annotations', `${articleId}.json`);
    return this.exists(rel) ? this.json<{ annotations: Annotation[] }>(rel).annotations : [];
  }

  settings(): unknown {
    return this.json('settings.json');
  }

  /** The backups under backups/, each with the number of articles its articles.json holds. */
  backups(): Array<{ id: string; articles: number }> {
    if (!this.exists('backups')) return [];
    return visible(readdirSync(join(this.dir, 'backups'))).map((id) => ({
      id,
      articles: this.json<{ articles: unknown[] }>(join('backups', id, 'articles.json')).articles.length,
    }));
  }

  /** The folders of damaged files moved aside under damaged/. */
  damaged(): string[] {
    return readdirSync(join(this.dir, 'damaged'));
  }
}
