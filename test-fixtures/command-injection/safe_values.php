<?php

function thumbnail($size, $file)
{
    $width = (int) $size;
    // vigil-ok: command-injection
    system("convert -resize " . $width . " in.png out.png");
    $mode = $size > 100 ? 'large' : 'small';
    // vigil-ok: command-injection
    system("make-thumb --mode $mode");
    // vigil-expect: command-injection
    system("convert $file out.png");
}
