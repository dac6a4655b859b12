// The HTML page of the GraphQL console: the token field and the tags that load the assets
// (console-assets.ts). It holds no data and no script of its own, so it is public and its
// Content-Security-Policy allows nothing but the gateway's own files: no remote origin, no
// inline script or style, no eval. Queries it sends still need a token. Its icon is empty
// (a data: URL), so a browser does not ask for /favicon.ico either.
import type { ConsoleAssets } from './console-assets.ts';

/**
 * 'self' covers the page's fetches to /graphql and, in CSP Level 3 browsers, its graphql-ws
 * socket on the same host. data: fonts and images are the ones GraphiQL's CSS embeds.
 */
export const CONSOLE_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "font-src 'self' data:",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const escapeAttribute = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

export function consolePage(assets: ConsoleAssets): string {
  const styles = assets.styles.map((a) => `<link rel="stylesheet" href="${escapeAttribute(a.url)}">`).join('\n');
  const scripts = assets.scripts.map((a) => `<script src="${escapeAttribute(a.url)}"></script>`).join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>swarm gateway console</title>
<link rel="icon" href="data:,">
${styles}
</head>
<body>
<form id="sg-token-form" class="sg-token-bar" autocomplete="off">
<span class="sg-title">swarm gateway</span>
<label for="sg-token">Bearer token</label>
<input id="sg-token" name="token" type="password" autocomplete="off" spellcheck="false" placeholder="sgw_... or an OIDC access token (kept in this tab only)">
<button type="submit">Use</button>
<span id="sg-token-status" role="status"></span>
</form>
<div id="graphiql">Loading the console...</div>
${scripts}
</body>
</html>
`;
}
