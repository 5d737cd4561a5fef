<?php

namespace App\Http;

const VERIFY = false;

function insecure(string $url): string
{
    $ch = \curl_init($url);
    // vigil-expect: tls-verify-disabled
    \curl_setopt($ch, CURLOPT_SSL_VERIFYPEER, VERIFY);
    $host = 0;
    // vigil-expect: tls-verify-disabled
    curl_setopt($ch, CURLOPT_SSL_VERIFYHOST, $host);
    return curl_exec($ch);
}

function quiet(string $url, bool $strict): string
{
    $ch = curl_init($url);
    $verify = false;
    $verify = true;
    // vigil-ok: tls-verify-disabled
    curl_setopt($ch, CURLOPT_SSL_VERIFYPEER, $verify);
    $host = 2;
    // vigil-ok: tls-verify-disabled
    curl_setopt($ch, CURLOPT_SSL_VERIFYHOST, $host);
    // vigil-ok: tls-verify-disabled
    curl_setopt($ch, CURLOPT_SSL_VERIFYPEER, $strict);
    $zero = 0;
    // vigil-ok: tls-verify-disabled
    curl_setopt($ch, CURLOPT_TIMEOUT, $zero);
    return curl_exec($ch);
}
