<?php
const BASE = 'ou=people,dc=example,dc=org';

function find($conn) {
    // vigil-expect: ldap-injection
    $r = ldap_search($conn, BASE, "(&(mail={$_POST['mail']})(cn=*{$_GET['q']}*))");
    // vigil-ok: ldap-injection
    $s = ldap_search($conn, BASE, "(objectClass=person)");
    return [$r, $s];
}
