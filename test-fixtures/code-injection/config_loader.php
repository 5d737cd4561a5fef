<?php
// vigil-ok: code-injection
eval(file_get_contents(__DIR__ . '/settings.php'));

// A file its caller names, read and run: a plugin loader, reported where a caller passes input.
function load_from($file)
{
    // vigil-ok: code-injection
    eval(file_get_contents($file));
}

function load_requested()
{
    // vigil-expect: code-injection
    eval(file_get_contents('/srv/plugins/' . $_GET['plugin']));
}
