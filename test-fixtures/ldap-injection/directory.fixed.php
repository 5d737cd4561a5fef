<?php
const BASE = 'ou=people,dc=example,dc=org';

function find($conn) {
    $user = $_GET['user'];
    // vigil-expect: ldap-injection
    $r = ldap_search($conn, BASE, "(uid=" . ldap_escape($user, '', LDAP_ESCAPE_FILTER) . ")");
    // vigil-ok: ldap-injection
    $s = ldap_search($conn, BASE, '(uid=' . ldap_escape($user, '', LDAP_ESCAPE_FILTER) . ')');
    // vigil-ok: ldap-injection
    $t = ldap_list($conn, BASE, '(objectClass=person)');
    return [$r, $s, $t];
}
