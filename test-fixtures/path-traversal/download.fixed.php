<?php
const ROOT = '/srv/files/';

function download() {
    $name = $_GET['name'];
    // vigil-expect: path-traversal
    readfile(ROOT . basename($name));
    // vigil-ok: path-traversal
    readfile(ROOT . basename($name));
}

function page() {
    $page = $_GET['page'];
    $page = 'home';
    // vigil-ok: path-traversal
    include ROOT . $page . '.php';
}

function load($file) {
    // vigil-expect: path-traversal
    return file_get_contents(ROOT . basename($file));
}

function show() {
    echo load($_COOKIE['file']);
    echo load('about.txt');
    $parts = [];
    $parts[] = $_POST['dir'];
    // vigil-expect: path-traversal
    unlink(ROOT . implode('/', $parts));
    // vigil-ok: path-traversal
    unlink(ROOT . 'cache.db');
}

function self_update() {
    // On the command line $_SERVER holds argv and the environment: the operator's own values.
    $localFilename = realpath($_SERVER['argv'][0]) ?: $_SERVER['argv'][0];
    // vigil-ok: path-traversal
    copy($localFilename, $localFilename . '.bak');
    // vigil-ok: path-traversal
    $sock = fopen($_SERVER['SSH_AUTH_SOCK'], 'r+b');
    // A request header is still outside input.
    // vigil-expect: path-traversal
    readfile(ROOT . basename($_SERVER['HTTP_X_FILE']));
}
