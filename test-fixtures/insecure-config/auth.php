<?php
use Firebase\JWT\JWT;
use Firebase\JWT\Key;

function login($id) {
    // vigil-expect: insecure-config
    setcookie('session_id', $id);
    // vigil-expect: insecure-config
    setcookie('auth_token', $id, ['secure' => true, 'samesite' => 'Lax']);
    // vigil-ok: insecure-config
    setcookie('session_id', $id, ['secure' => true, 'httponly' => true, 'samesite' => 'Lax']);
    // vigil-ok: insecure-config
    setcookie('theme', 'dark');
    // vigil-ok: insecure-config
    setcookie('session_id', $id, time() + 3600, '/', '', true, true);
}

function cors() {
    // vigil-expect: insecure-config
    header('Access-Control-Allow-Origin: ' . $_SERVER['HTTP_ORIGIN']);
    header('Access-Control-Allow-Credentials: true');
}

function claims($jwt, $key) {
    // vigil-expect: insecure-config
    return JWT::decode($jwt, new Key($key, 'none'));
}

function claimsLegacy($jwt, $key) {
    // vigil-expect: insecure-config
    return JWT::decode($jwt, $key, ['none']);
}

function claimsSafe($jwt, $key) {
    // vigil-ok: insecure-config
    return JWT::decode($jwt, new Key($key, 'RS256'));
}

function claimsLegacySafe($jwt, $key) {
    // vigil-ok: insecure-config
    return JWT::decode($jwt, $key, ['HS256']);
}
