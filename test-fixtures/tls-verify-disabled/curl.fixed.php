<?php

function fetch(string $url): string
{
    $ch = curl_init($url);
    // vigil-expect: tls-verify-disabled
    curl_setopt($ch, CURLOPT_SSL_VERIFYPEER, true);
    // vigil-expect: tls-verify-disabled
    curl_setopt($ch, CURLOPT_SSL_VERIFYHOST, 2);
    // vigil-ok: tls-verify-disabled
    curl_setopt($ch, CURLOPT_SSL_VERIFYPEER, true);
    // vigil-ok: tls-verify-disabled
    curl_setopt($ch, CURLOPT_SSL_VERIFYHOST, 2);
    // vigil-ok: tls-verify-disabled
    curl_setopt($ch, CURLOPT_RETURNTRANSFER, false);
    return curl_exec($ch);
}

function fetchAll(string $url): string
{
    $ch = curl_init($url);
    curl_setopt_array($ch, [
        CURLOPT_RETURNTRANSFER => true,
        // vigil-expect: tls-verify-disabled
        CURLOPT_SSL_VERIFYPEER => true,
        // vigil-ok: tls-verify-disabled
        CURLOPT_CAINFO => '/etc/ssl/internal-ca.pem',
    ]);
    return curl_exec($ch);
}

function stream(string $url): string
{
    $ctx = stream_context_create(['ssl' => [
        // vigil-expect: tls-verify-disabled
        'verify_peer' => true,
        // vigil-expect: tls-verify-disabled
        'allow_self_signed' => false,
        // vigil-ok: tls-verify-disabled
        'verify_peer_name' => true,
    ]]);
    return file_get_contents($url, false, $ctx);
}

function guzzle($client, string $url)
{
    // vigil-expect: tls-verify-disabled
    return $client->request('GET', $url, ['verify' => true]);
}

function guzzleCa($client, string $url)
{
    // vigil-ok: tls-verify-disabled
    return $client->request('GET', $url, ['verify' => '/etc/ssl/internal-ca.pem', 'debug' => false]);
}
