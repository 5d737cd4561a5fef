<?php

function item(DOMXPath $xpath) {
    $name = $_GET['name'];
    // vigil-expect: xpath-injection
    $nodes = $xpath->query("//item[name='$name']/price");
    // vigil-ok: xpath-injection
    $all = $xpath->query('//item/name');
    return [$nodes, $all];
}
