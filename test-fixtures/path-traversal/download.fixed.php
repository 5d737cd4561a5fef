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
