// Label selectors: equality only, parsed strictly, normalized so equal selectors compare
// equal; matching against labels and the "narrower than" relation grants rely on.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { formatSelector, normalizeSelector, parseSelector, selectorMatches, selectorWithin } from '../../../src/grants/label-selector.ts';

describe('parseSelector / formatSelector', () => {
  test('key=value pairs, sorted by key, printed back the same', () => {
    assert.deepEqual(parseSelector('team=payments'), [['team', 'payments']]);
    assert.deepEqual(parseSelector('team=payments, env=prod'), [['env', 'prod'], ['team', 'payments']]);
    assert.equal(formatSelector(parseSelector('team=payments,env=prod')), 'env=prod,team=payments');
    assert.deepEqual(parseSelector('com.example.team=a/b:c@d-e_f.g'), [['com.example.team', 'a/b:c@d-e_f.g']]);
    // A value may hold `=`? No: the first `=` splits, and `=` is not a value character.
    assert.throws(() => parseSelector('a=b=c'), /not a valid label value/);
  });

  test('bad selectors name the bad part', () => {
    assert.throws(() => parseSelector(''), /"" is not key=value/);
    assert.throws(() => parseSelector('team'), /"team" is not key=value/);
    assert.throws(() => parseSelector('team=payments,'), /"" is not key=value/);
    assert.throws(() => parseSelector('=x'), /"=x" is not key=value/);
    assert.throws(() => parseSelector('te am=x'), /"te am" is not a valid label key/);
    assert.throws(() => parseSelector('.team=x'), /not a valid label key/);
    assert.throws(() => parseSelector('team=pay,ments'), /"ments" is not key=value/);
    assert.throws(() => parseSelector('team=*'), /not a valid label value/);
    assert.throws(() => parseSelector('team=a,team=a'), /label "team" is given twice/);
    assert.throws(() => parseSelector(`k=${'v'.repeat(254)}`), /not a valid label value/);
  });

  test('normalizeSelector sorts without changing its argument', () => {
    const given = [['b', '1'], ['a', '2']] as const;
    assert.deepEqual(normalizeSelector(given), [['a', '2'], ['b', '1']]);
    assert.deepEqual(given, [['b', '1'], ['a', '2']]);
  });
});

describe('selectorMatches', () => {
  test('labels must carry every equality; other labels do not matter', () => {
    const sel = parseSelector('team=payments,env=prod');
    assert.equal(selectorMatches(sel, { team: 'payments', env: 'prod', tier: 'web' }), true);
    assert.equal(selectorMatches(sel, { team: 'payments' }), false);
    assert.equal(selectorMatches(sel, { team: 'payments', env: 'dev' }), false);
    assert.equal(selectorMatches(sel, { Team: 'payments', env: 'prod' }), false);
  });

  test('an object without labels matches no selector', () => {
    assert.equal(selectorMatches(parseSelector('team=payments'), null), false);
    assert.equal(selectorMatches(parseSelector('team=payments'), undefined), false);
    assert.equal(selectorMatches(parseSelector('team=payments'), {}), false);
  });
});

describe('selectorWithin', () => {
  test('a narrower selector holds every equality of the wider one', () => {
    const wide = parseSelector('team=payments');
    assert.equal(selectorWithin(parseSelector('team=payments'), wide), true);
    assert.equal(selectorWithin(parseSelector('team=payments,env=prod'), wide), true);
    assert.equal(selectorWithin(parseSelector('env=prod'), wide), false);
    assert.equal(selectorWithin(parseSelector('team=billing'), wide), false);
    assert.equal(selectorWithin(wide, parseSelector('team=payments,env=prod')), false);
  });
});
