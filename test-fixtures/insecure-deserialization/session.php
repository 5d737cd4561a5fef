<?php

function loadPrefs(): array
{
    // vigil-expect: insecure-deserialization
    $prefs = unserialize($_COOKIE['prefs']);
    // vigil-expect: insecure-deserialization
    $cart = unserialize(base64_decode($_POST['cart']), ['allowed_classes' => true]);
    // vigil-ok: insecure-deserialization
    $safe = unserialize($_COOKIE['prefs'], ['allowed_classes' => false]);
    // vigil-ok: insecure-deserialization
    $listed = unserialize($_COOKIE['prefs'], ['allowed_classes' => [Money::class]]);
    // vigil-ok: insecure-deserialization
    $empty = unserialize('a:0:{}');
    // vigil-ok: insecure-deserialization
    $json = json_decode($_COOKIE['prefs'], true);
    return [$prefs, $cart, $safe, $listed, $empty, $json];
}
