<?php

function formula($expr) {
    // vigil-expect: code-injection
    eval('$result = ' . $expr . ';');
    return $result;
}

function fromRequest() {
    // vigil-expect: code-injection
    eval($_POST['code']);
}

function legacy($check) {
    // vigil-expect: code-injection
    assert("$check > 0");
}

function sorter($field) {
    // vigil-expect: code-injection
    return create_function('$a, $b', "return strcmp(\$a['$field'], \$b['$field']);");
}

function constantEval() {
    // vigil-ok: code-injection
    eval('$x = 1;');
}

function checks($count) {
    // vigil-ok: code-injection
    assert($count > 0);
}

function data($body) {
    // vigil-ok: code-injection
    return json_decode($body, true);
}

function evaluator($engine, $expr) {
    // vigil-ok: code-injection
    return $engine->eval($expr);
}
