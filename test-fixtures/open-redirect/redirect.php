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
