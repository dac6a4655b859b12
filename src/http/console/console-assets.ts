// The files the GraphQL console's page loads, read once from the installed npm packages
// (GraphiQL 3's UMD build on React 18's UMD builds) and from console/ (our wiring script
// and its styles). Each is served under a path holding a hash of its content, so a browser
// may cache it for good: a new version of any file is a new URL.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** Where the assets are served; the page refers to them as `${ASSETS_PATH}/<hash>/<name>`. */
export const ASSETS_PATH = '/console/assets';

export interface ConsoleAsset {
  /** The file name in its URL (`graphiql.min.js`). */
  name: string;
  contentType: string;
  body: Buffer;
  /** `${ASSETS_PATH}/<hash>/<name>`. */
  url: string;
}

/** The page's assets, in the order the page loads them. */
export interface ConsoleAssets {
  styles: ConsoleAsset[];
  scripts: ConsoleAsset[];
  /** By URL, for the route that serves them. */
  byUrl: Map<string, ConsoleAsset>;
}

const require = createRequire(import.meta.url);
const OWN_FILES = new URL('../../../console/', import.meta.url);

const packageFile = (pkg: string, file: string) => join(dirname(require.resolve(`${pkg}/package.json`)), file);
const ownFile = (file: string) => new URL(file, OWN_FILES).pathname;

const CONTENT_TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};

function asset(path: string): ConsoleAsset {
  const name = path.slice(path.lastIndexOf('/') + 1);
  const contentType = CONTENT_TYPES[name.slice(name.lastIndexOf('.'))];
  if (!contentType) throw new Error(`console asset ${name}: no content type for its extension`);
  const body = readFileSync(path);
  const hash = createHash('sha256').update(body).digest('hex').slice(0, 16);
  return { name, contentType, body, url: `${ASSETS_PATH}/${hash}/${name}` };
}

let loaded: ConsoleAssets | undefined;

/** Reads the files on first use (about 4 MB, kept in memory: they are served on every page load). */
export function consoleAssets(): ConsoleAssets {
  if (loaded) return loaded;
  const styles = [asset(packageFile('graphiql', 'graphiql.min.css')), asset(ownFile('console.css'))];
  // GraphiQL's UMD build expects React and ReactDOM as globals; console.js needs all three.
  const scripts = [
    asset(packageFile('react', 'umd/react.production.min.js')),
    asset(packageFile('react-dom', 'umd/react-dom.production.min.js')),
    asset(packageFile('graphiql', 'graphiql.min.js')),
    asset(ownFile('console.js')),
  ];
  loaded = { styles, scripts, byUrl: new Map([...styles, ...scripts].map((a) => [a.url, a])) };
  return loaded;
}
