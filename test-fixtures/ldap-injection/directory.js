const ldap = require('ldapjs');
const express = require('express');

const app = express();
const client = ldap.createClient({ url: 'ldap://localhost' });

app.get('/user', (req, res) => {
  const uid = req.query.uid;
  // vigil-expect: ldap-injection
  client.search('ou=people,dc=example,dc=org', { filter: `(uid=${uid})`, scope: 'sub' }, (err, out) => res.end());
});

app.get('/fixed', (req, res) => {
  // vigil-ok: ldap-injection
  client.search('ou=people,dc=example,dc=org', { filter: '(objectClass=person)', scope: 'sub' }, (err, out) => res.end());
});

function findUser(name, done) {
  // vigil-expect: ldap-injection
  client.search('ou=people', { filter: '(cn=' + name + ')' }, done);
}

function escapedUser(name, done) {
  // vigil-ok: ldap-injection
  client.search('ou=people', { filter: '(cn=' + escapeFilter(name) + ')' }, done);
}
