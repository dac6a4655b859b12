// The data of secretCreate/configCreate (and their rotations) never reaches the audit log:
// `data` and `dataBase64` are redacted wherever they appear in an input, and the name and
// labels an auditor needs are kept.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { REDACTED, redactInput } from '../../../src/audit/redact.ts';

test('data and dataBase64 are redacted; name and labels kept', () => {
  const input = { cluster: 'c', name: 'db-password', labels: [{ key: 'app', value: 'db' }], data: 'hunter2', dataBase64: 'aHVudGVyMg==' };
  assert.deepEqual(redactInput(input), { cluster: 'c', name: 'db-password', labels: [{ key: 'app', value: 'db' }], data: REDACTED, dataBase64: REDACTED });
});

test('an omitted (null) dataBase64 stays null', () => {
  assert.deepEqual(redactInput({ name: 'x', data: 'v', dataBase64: null }), { name: 'x', data: REDACTED, dataBase64: null });
});
