// Service volumes: short and long syntax, in the long form.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadCompose } from '../../../../../src/docker/stack/compose/load.ts';
import { problemsOf } from '../../../../support/user-errors.ts';

const mountsOf = (volumes: string, top = 'volumes:\n  data: {}\n') => loadCompose(`services:\n  web:\n    image: nginx\n    volumes:\n${volumes}${top}`, {}).file.services.web!.volumes;
// A type's options only when the file gives them (`nocopy` for a volume), as the CLI reads them.
const volume = (source: string | null, target: string, readOnly = false, nocopy = false) => ({ type: 'volume', source, target, read_only: readOnly, volume: nocopy ? { nocopy } : null, bind: null, tmpfs: null });

test('short syntax: named volume, read only, nocopy, anonymous, absolute bind with propagation', () => {
  assert.deepEqual(mountsOf('      - data:/var/lib/data\n      - data:/ro:ro\n      - data:/nc:nocopy,rw\n      - /anon\n'), [
    volume('data', '/var/lib/data'),
    volume('data', '/ro', true),
    volume('data', '/nc', false, true),
    volume(null, '/anon'),
  ]);
  assert.deepEqual(mountsOf('      - /srv/x:/x:ro,rslave\n'), [{ type: 'bind', source: '/srv/x', target: '/x', read_only: true, volume: null, bind: { propagation: 'rslave' }, tmpfs: null }]);
});

test('long syntax: volume with nocopy, bind, tmpfs with a size', () => {
  const mounts = mountsOf('      - {type: volume, source: data, target: /d, read_only: true, volume: {nocopy: true}}\n      - {type: bind, source: /etc/tz, target: /etc/tz, bind: {propagation: private}}\n      - {type: tmpfs, target: /tmp, tmpfs: {size: 64m}}\n');
  assert.deepEqual(mounts, [
    volume('data', '/d', true, true),
    { type: 'bind', source: '/etc/tz', target: '/etc/tz', read_only: false, volume: null, bind: { propagation: 'private' }, tmpfs: null },
    { type: 'tmpfs', source: null, target: '/tmp', read_only: false, volume: null, bind: null, tmpfs: { size: 64 * 1024 ** 2 } },
  ]);
});

test('bad volumes: too many colons, a relative target, a tmpfs with a source, a bind without one', () => {
  const base = (v: string) => () => loadCompose(`services:\n  web:\n    image: nginx\n    volumes:\n${v}volumes:\n  data: {}\n`, {});
  assert.deepEqual(problemsOf(base('      - data:/x:ro:extra\n')), [['COMPOSE_INVALID', ['services', 'web', 'volumes', '0']]]);
  assert.deepEqual(problemsOf(base('      - data:x\n')), [['COMPOSE_INVALID', ['services', 'web', 'volumes', '0']]]);
  assert.deepEqual(problemsOf(base('      - {type: tmpfs, source: data, target: /t}\n')), [['COMPOSE_INVALID', ['services', 'web', 'volumes', '0']]]);
  assert.deepEqual(problemsOf(base('      - {type: bind, target: /t}\n')), [['COMPOSE_INVALID', ['services', 'web', 'volumes', '0']]]);
  assert.deepEqual(problemsOf(base('      - {type: tmpfs, target: /t, tmpfs: {size: lots}}\n')), [['INVALID_VALUE', ['services', 'web', 'volumes', '0', 'tmpfs', 'size']]]);
});
