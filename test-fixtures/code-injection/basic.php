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
    // Built from parameters only, with no caller here: no sign of outside input (a caller elsewhere that passes input is reported by a scan).
    // vigil-ok: code-injection
    assert("$check > 0");
}

function sorter($field) {
    // Built from parameters only, with no caller here: no sign of outside input (a caller elsewhere that passes input is reported by a scan).
    // vigil-ok: code-injection
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

function formulaRoute() {
    return formula($_GET['expr']);
}
