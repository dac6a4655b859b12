// The GraphQL console's wiring, served by the gateway (src/http/console) to the page that
// GET /graphql answers a browser with. It renders GraphiQL (loaded before it, with React)
// with a fetcher that sends the token typed into the page's token field as
// `Authorization: Bearer ...` (and as the graphql-ws connection payload for subscriptions).
// The token is kept in this tab's sessionStorage only: never localStorage, never a cookie,
// so it is gone with the tab and no other page or request carries it.
(function () {
  'use strict';

  var TOKEN_KEY = 'swarm-gateway.console.token';
  var DEFAULT_QUERY = '# Paste a token above and press Enter, then run a query (Ctrl-Enter).\n{\n  whoami {\n    id\n    kind\n    name\n  }\n}\n';

  var form = document.getElementById('sg-token-form');
  var input = document.getElementById('sg-token');
  var status = document.getElementById('sg-token-status');
  var endpoint = location.origin + '/graphql';
  var wsEndpoint = (location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + '/graphql';

  // sessionStorage can be unavailable (a privacy mode): the token then lives in memory only.
  function storedToken() {
    try {
      return sessionStorage.getItem(TOKEN_KEY) || '';
    } catch (e) {
      return '';
    }
  }
  function storeToken(token) {
    try {
      if (token) sessionStorage.setItem(TOKEN_KEY, token);
      else sessionStorage.removeItem(TOKEN_KEY);
    } catch (e) {
      // Memory only.
    }
  }

  // A token pasted with its scheme ("Bearer sgw_...") is the same token.
  function normalize(value) {
    return value.trim().replace(/^bearer\s+/i, '');
  }

  function fetcherFor(token) {
    var authorization = token ? 'Bearer ' + token : null;
    return GraphiQL.createFetcher({
      url: endpoint,
      subscriptionUrl: wsEndpoint,
      headers: authorization ? { Authorization: authorization } : {},
      // Browsers cannot set headers on a WebSocket: the gateway reads the connection payload.
      wsConnectionParams: authorization ? { authorization: authorization } : {},
    });
  }

  var root = ReactDOM.createRoot(document.getElementById('graphiql'));

  // A new fetcher makes GraphiQL load the schema again, now with the token.
  function render(token) {
    status.textContent = token ? 'token set for this tab' : 'no token: every query answers UNAUTHENTICATED';
    root.render(
      React.createElement(GraphiQL, {
        fetcher: fetcherFor(token),
        defaultQuery: DEFAULT_QUERY,
        // Headers typed into GraphiQL's own editor stay in memory too.
        shouldPersistHeaders: false,
      }),
    );
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    var token = normalize(input.value);
    storeToken(token);
    render(token);
  });

  var initial = storedToken();
  input.value = initial;
  render(initial);
})();
