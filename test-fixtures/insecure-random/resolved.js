// The weak value is followed through aliases, variables and conversions to where it lands.
const _ = require('lodash');
const pick = require('lodash/random');
const r = Math.random;

function issue(user) {
  // vigil-expect: insecure-random
  const raw = r().toString(36);
  const apiToken = raw.slice(2);
  // vigil-expect: insecure-random
  user.otp = _.random(100000, 999999);
  // vigil-expect: insecure-random
  const pin = String(pick(0, 9999)).padStart(4, '0'); user.loginPin = pin;
  // vigil-ok: insecure-random
  const delay = _.random(10, 100);
  return { apiToken, delay };
}

function local() {
  const draw = Math.random;
  // vigil-expect: insecure-random
  const salt = draw().toString(16);
  return salt;
}

function dead(user) {
  if (false) {
    // vigil-ok: insecure-random
    user.resetToken = Math.random().toString(36);
  }
  // vigil-ok: insecure-random
  let value = Math.random();
  value = 'fixed';
  user.sessionToken = value;
}

function shuffle(items) {
  // vigil-ok: insecure-random
  items.sort(() => Math.random() - 0.5);
  // vigil-ok: insecure-random
  console.info('new token issued', Math.random());
  return items;
}

module.exports = { issue, local, dead, shuffle };
