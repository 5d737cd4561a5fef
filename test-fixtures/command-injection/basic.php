<?php

const CLEANUP = 'rm -rf /tmp/cache';

function thumbnail($file) {
    // vigil-expect: command-injection
    system("convert " . $_GET['file'] . " -resize 64x64 out.png");
}

function listing($dir) {
    // vigil-expect: command-injection
    return `ls -la $dir`;
}

function grep($pattern) {
    // vigil-expect: command-injection
    return shell_exec("grep {$pattern} /var/log/app.log");
}

function runIt($cmd) {
    // vigil-expect: command-injection
    passthru($cmd);
}

function thumbnailSafe($file) {
    // vigil-ok: command-injection
    system("convert " . escapeshellarg($file) . " -resize 64x64 out.png");
}

function cleanup() {
    // vigil-ok: command-injection
    exec(CLEANUP);
}

function uptime() {
    // vigil-ok: command-injection
    return `uptime`;
}

function listingArgv($dir) {
    // vigil-ok: command-injection
    return proc_open(['ls', '-la', $dir], [1 => ['pipe', 'w']], $pipes);
}

function query($pdo, $sql) {
    // vigil-ok: command-injection
    return $pdo->exec($sql);
}
