<?php
const API = 'https://api.example.com/items/';

function proxy() {
    // vigil-expect: ssrf
    $ch = curl_init($_GET['url']);
    // vigil-ok: ssrf
    $ok = curl_init(API . rawurlencode($_GET['id']));
    $other = curl_init();
    // vigil-expect: ssrf
    curl_setopt($other, CURLOPT_URL, $_POST['callback']);
    // vigil-ok: ssrf
    curl_setopt($other, CURLOPT_URL, API . 'latest');
}

function guzzle($client) {
    $target = $_GET['target'];
    // vigil-expect: ssrf
    $a = $client->get($target);
    // vigil-ok: ssrf
    $b = $client->get(API . 'status');
    return [$a, $b];
}
