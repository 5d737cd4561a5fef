<?php

function login() {
    $next = $_GET['next'];
    // vigil-expect: open-redirect
    header("Location: " . $next);
    // vigil-ok: open-redirect
    header("Location: /home");
    // vigil-ok: open-redirect
    header("Content-Type: " . $next);
}

function laravel($request) {
    // vigil-expect: open-redirect
    return redirect()->to($_POST['return']);
}

function fixed() {
    $next = $_GET['next'];
    $next = '/dashboard';
    // vigil-ok: open-redirect
    return redirect($next);
}

// A file the program itself keeps (a maintenance flag under its storage path) is the operator's, not input.
function whileDown($app) {
    $data = json_decode(file_get_contents($app->storagePath() . '/framework/down'), true);
    // vigil-ok: open-redirect
    return redirect($data['redirect']);
}

// The request body read as a file is input.
function fromBody() {
    $data = json_decode(file_get_contents('php://input'), true);
    // vigil-expect: open-redirect
    return redirect($data['next']);
}
