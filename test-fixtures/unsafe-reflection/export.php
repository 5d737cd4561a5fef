<?php
$exporters = ['csv' => CsvExporter::class, 'json' => JsonExporter::class];

// vigil-expect: unsafe-reflection
$a = new $_GET['format']();
$class = $_POST['class'];
// vigil-expect: unsafe-reflection
$b = new $class();
// vigil-expect: unsafe-reflection
$c = call_user_func($_GET['callback'], $a);
$fn = $_REQUEST['fn'];
// vigil-expect: unsafe-reflection
$d = $fn();
// vigil-expect: unsafe-reflection
$e = new ReflectionClass($_GET['c']);

$format = $_GET['format'];
if (!in_array($format, ['csv', 'json'], true)) {
    exit;
}
// vigil-ok: unsafe-reflection
$f = new $format();
// vigil-ok: unsafe-reflection
$g = new CsvExporter();
$name = CsvExporter::class;
// vigil-ok: unsafe-reflection
$h = new $name();
// vigil-ok: unsafe-reflection
$i = call_user_func('strtoupper', $_GET['q']);
