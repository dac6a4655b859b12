// The allow-list of webhook hosts: exact hosts, ports, and the tricks that make a URL read as
// one host and go to another.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { UrlAllowList } from '../../../src/webhooks/url-allow-list.ts';

const list = new UrlAllowList(['hooks.example.com', '127.0.0.1:8080', '[::1]:9000', 'Chat.Example.org']);
const allowed = (url: string) => list.check(url).allowed;
const reason = (url: string) => {
  const v = list.check(url);
  return v.allowed ? '' : v.reason;
};

describe('webhook URL allow-list', () => {
  test('listed hosts on their ports pass, case-insensitively', () => {
    for (const url of ['https://hooks.example.com/deploys', 'http://hooks.example.com/x?y=1', 'https://HOOKS.Example.COM/', 'https://hooks.example.com:443/', 'http://127.0.0.1:8080/hook', 'http://[::1]:9000/', 'https://chat.example.org/in']) {
      assert.ok(allowed(url), url);
    }
  });

  test('a bare host allows only its default ports; host:port only that port', () => {
    assert.equal(allowed('https://hooks.example.com:8443/'), false);
    assert.equal(allowed('http://127.0.0.1/'), false);
    assert.equal(allowed('http://127.0.0.1:8081/'), false);
    assert.match(reason('http://127.0.0.1:8081/'), /host 127\.0\.0\.1:8081 may not be called: it is not on the allow-list \(webhooks\.allowedHosts\)/);
  });

  test('names that merely contain or resolve to a listed host do not pass', () => {
    for (const url of ['http://127.0.0.1.nip.io:8080/', 'https://hooks.example.com.evil.net/', 'https://evilhooks.example.com/', 'https://sub.hooks.example.com/', 'http://localhost:8080/']) {
      assert.equal(allowed(url), false, url);
    }
  });

  test('user info is refused, whichever side holds the listed host', () => {
    for (const url of ['http://hooks.example.com@evil.net/', 'https://evil.net@hooks.example.com/', 'https://user:pw@hooks.example.com/', 'https://:@hooks.example.com/']) {
      assert.match(reason(url), /user name or password/, url);
    }
  });

  test('IP literals pass only when listed, in any spelling the parser normalizes', () => {
    for (const url of ['http://[::1]:8080/', 'http://[0:0:0:0:0:0:0:1]:8080/', 'http://10.0.0.1:8080/', 'http://[::ffff:127.0.0.1]:8080/', 'http://169.254.169.254/']) {
      assert.equal(allowed(url), false, url);
    }
    // 2130706433 and 0x7f.1 are 127.0.0.1 to the parser (and to the socket): the listed address.
    assert.ok(allowed('http://2130706433:8080/'));
    assert.ok(allowed('http://[0:0:0:0:0:0:0:1]:9000/'));
  });

  test('a trailing dot, a fragment, other schemes and relative URLs are refused', () => {
    assert.match(reason('https://hooks.example.com./'), /ends with a dot/);
    assert.match(reason('https://hooks.example.com/#frag'), /fragment/);
    assert.match(reason('https://hooks.example.com/#'), /fragment/);
    for (const url of ['ftp://hooks.example.com/', 'file:///etc/passwd', 'javascript:alert(1)', 'unix:///var/run/docker.sock', 'ws://hooks.example.com/']) {
      assert.match(reason(url), /https:\/\/ or http:\/\//, url);
    }
    assert.match(reason('/relative'), /not an absolute URL/);
    assert.match(reason(`https://hooks.example.com/${'a'.repeat(2100)}`), /at most 2048/);
    assert.match(reason('hooks.example.com'), /not an absolute URL|https:\/\//);
  });

  test('an empty list refuses everything, saying an administrator must list hosts', () => {
    const empty = new UrlAllowList([]);
    const v = empty.check('https://hooks.example.com/');
    assert.equal(v.allowed, false);
    assert.match(!v.allowed ? v.reason : '', /allow-list \(webhooks\.allowedHosts\) is empty/);
  });

  test('an entry that is not a host or host:port is refused at construction', () => {
    for (const entry of ['http://hooks.example.com', 'hooks.example.com/path', 'user@hooks.example.com', 'hooks.example.com.']) {
      assert.throws(() => new UrlAllowList([entry]), /webhooks\.allowedHosts/, entry);
    }
  });
});
