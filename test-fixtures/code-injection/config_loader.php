<?php
// vigil-ok: code-injection
eval(file_get_contents(__DIR__ . '/settings.php'));

function load_from($file)
{
    // vigil-expect: code-injection
    eval(file_get_contents($file));
}
