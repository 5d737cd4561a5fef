<?php
// Vigil fixture: string literals used as signing and encryption keys. Every value is fake.

// vigil-expect: hardcoded-secret
$jwt = JWT::encode($payload, 'secret', 'HS256');
// vigil-ok: hardcoded-secret
$jwt = JWT::encode($payload, getenv('JWT_SECRET'), 'HS256');
// vigil-expect: hardcoded-secret
$claims = JWT::decode($jwt, new Key('k3y-vigil-fixture', 'HS256'));
// vigil-ok: hardcoded-secret
$claims = JWT::decode($jwt, new Key($key, 'HS256'));
// vigil-expect: hardcoded-secret
$mac = hash_hmac('sha256', $body, 'hmac-vigil-fixture');
// vigil-ok: hardcoded-secret
$mac = hash_hmac('sha256', $body, $hmacKey);
// vigil-expect: hardcoded-secret
$c = openssl_encrypt($data, 'aes-256-gcm', 'aes-vigil-fixture-0123456789abcd', 0, $iv, $tag);
// vigil-ok: hardcoded-secret
$c = openssl_encrypt($data, 'aes-256-gcm', $key, 0, $iv, $tag);
