<?php
// Vigil fixture: secrets as default parameter values. Every value is fake.

// vigil-expect: hardcoded-secret
function connect($host, $password = 'Vg9-default-Fixture-Php1') {}
// vigil-ok: hardcoded-secret
function connect2($host, $password = '') {}
// vigil-ok: hardcoded-secret
function connect3($host, $password = 'changeme') {}
