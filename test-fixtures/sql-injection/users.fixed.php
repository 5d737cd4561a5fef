<?php

const PAGE_SIZE = 20;

function find_user(PDO $pdo, string $name)
{
    // vigil-expect: sql-injection
    $stmt = $pdo->prepare("SELECT id, email FROM users WHERE name = ?");
    $stmt->execute([$name]);
    return $stmt->fetch();
}

function find_user_safe(PDO $pdo, string $name)
{
    $stmt = $pdo->prepare('SELECT id, email FROM users WHERE name = ?');
    // vigil-ok: sql-injection
    $stmt->execute([$name]);
    return $stmt->fetch();
}

function delete_order(PDO $pdo, $ref)
{
    // vigil-expect: sql-injection
    return $pdo->exec("DELETE FROM orders WHERE ref = '" . $ref . "'");
}

function by_city($link, $city)
{
    // vigil-expect: sql-injection
    return mysqli_query($link, "SELECT * FROM shops WHERE city = '" . $city . "'");
}

function by_city_oo(mysqli $mysqli, $city)
{
    $sql = sprintf("SELECT * FROM shops WHERE city = '%s'", $city);
    // vigil-expect: sql-injection
    return $mysqli->query($sql);
}

function by_city_safe(mysqli $mysqli, $city)
{
    $stmt = $mysqli->prepare('SELECT * FROM shops WHERE city = ?');
    $stmt->bind_param('s', $city);
    // vigil-ok: sql-injection
    $stmt->execute();
    return $stmt->get_result();
}

function wp_posts($author)
{
    global $wpdb;
    // vigil-expect: sql-injection
    return $wpdb->get_results("SELECT ID FROM {$wpdb->posts} WHERE post_author = '{$author}'");
}

function wp_posts_by_title($title)
{
    global $wpdb;
    // vigil-expect: sql-injection
    return $wpdb->get_results($wpdb->prepare("SELECT ID FROM wp_posts WHERE post_title = %s", $title));
}

function wp_posts_safe($title)
{
    global $wpdb;
    // vigil-ok: sql-injection
    return $wpdb->get_results($wpdb->prepare('SELECT ID FROM wp_posts WHERE post_title = %s', $title));
}

function laravel($email)
{
    // vigil-expect: sql-injection
    return DB::select("SELECT * FROM users WHERE email = ?", [$email]);
}

function laravel_safe($email)
{
    // vigil-ok: sql-injection
    return DB::select('SELECT * FROM users WHERE email = ?', [$email]);
}

function numbers(PDO $pdo, $page)
{
    // vigil-ok: sql-injection
    $pdo->query('SELECT * FROM users LIMIT ' . PAGE_SIZE . ' OFFSET ' . intval($page));
    // vigil-ok: sql-injection
    $pdo->query('SELECT * FROM users WHERE id = ' . (int) $page);
}

function lookalikes($http, $cache, $name)
{
    // vigil-ok: sql-injection
    $http->query('/search?q=' . $name);
    // vigil-ok: sql-injection
    $cache->exec("flush $name");
    // vigil-ok: sql-injection
    echo "SELECT your plan, $name";
}
