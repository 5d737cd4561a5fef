<?php
$client = new MongoDB\Client('mongodb://localhost');
$users = $client->app->users;

// vigil-expect: nosql-injection
$user = $users->findOne(['name' => $_POST['name'], 'password' => $_POST['password']]);
// vigil-ok: nosql-injection
$same = $users->findOne(['name' => (string) $_POST['name'], 'password' => (string) $_POST['password']]);
// vigil-expect: nosql-injection
$all = $users->find($_GET);
// vigil-expect: nosql-injection
$rows = $users->find(['$where' => "this.name == '" . $_GET['name'] . "'"]);
// vigil-ok: nosql-injection
$fixed = $users->find(['$where' => 'this.visits > this.limit']);
// vigil-ok: nosql-injection
$page = $users->find(['age' => intval($_GET['age'])]);
