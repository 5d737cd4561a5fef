<?php
const BASE = 'ou=people,dc=example,dc=org';

function find($conn) {
    // vigil-expect: ldap-injection
    $r = ldap_search($conn, BASE, "(&(mail=" . ldap_escape($_POST['mail'], '', LDAP_ESCAPE_FILTER) . ")(cn=*" . ldap_escape($_GET['q'], '', LDAP_ESCAPE_FILTER) . "*))");
    // vigil-ok: ldap-injection
    $s = ldap_search($conn, BASE, "(objectClass=person)");
    return [$r, $s];
}
