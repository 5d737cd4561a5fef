<?php

// A connectivity probe: the response is only compared with false, never read.
function networkAnswers(): bool
{
    $answer = file_get_contents('https://192.0.2.1', false, stream_context_create([
        // vigil-ok: tls-verify-disabled
        'ssl' => ['verify_peer' => false],
        'http' => ['ignore_errors' => true],
    ]));
    return false !== $answer;
}

// The body of the same request is used: an impersonating peer controls it.
function fetchFeed(): string
{
    $feed = file_get_contents('https://feeds.vigil.invalid/latest', false, stream_context_create([
        // vigil-expect: tls-verify-disabled
        'ssl' => ['verify_peer' => false],
    ]));
    if (false === $feed) {
        return '';
    }
    return $feed;
}
