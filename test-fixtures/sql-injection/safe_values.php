<?php

const COLUMNS = ['name', 'price'];

function sorted(PDO $pdo, $column, int $page)
{
    if (!in_array($column, COLUMNS, true)) {
        http_response_code(400);
        exit;
    }
    // vigil-ok: sql-injection
    return $pdo->query("SELECT * FROM items ORDER BY $column LIMIT 20 OFFSET " . ($page * 20));
}

function by_name(PDO $pdo, $name)
{
    // vigil-ok: sql-injection
    return $pdo->query("SELECT * FROM items WHERE name = " . $pdo->quote($name));
}

function escaped(mysqli $db, $name, $id)
{
    $safe = mysqli_real_escape_string($db, $name);
    // vigil-ok: sql-injection
    $db->query("SELECT * FROM items WHERE name = '" . $safe . "'");
    // vigil-expect: sql-injection
    return $db->query("SELECT * FROM items WHERE id = " . mysqli_real_escape_string($db, $_GET['id']));
}

function counted(PDO $pdo, $ids)
{
    // vigil-ok: sql-injection
    return $pdo->query("SELECT * FROM items LIMIT " . count($ids));
}

function unchecked(PDO $pdo, $column)
{
    // vigil-expect: sql-injection
    return $pdo->query("SELECT * FROM items ORDER BY $column");
}
