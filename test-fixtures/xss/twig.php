<?php
$loader = new \Twig\Loader\FilesystemLoader(__DIR__ . '/templates');
// vigil-expect: xss
$twig = new \Twig\Environment($loader, ['cache' => false, 'autoescape' => false]);
// vigil-ok: xss
$safe = new \Twig\Environment($loader, ['cache' => false, 'autoescape' => 'html']);
// vigil-ok: xss
$debug = new \Twig\Environment($loader, ['debug' => false]);
