<?php

// parent::current() is the parent iterator's method: the method it is written in does not call itself.
class TemplateFiles extends \IteratorIterator
{
    public function current()
    {
        // vigil-ok: path-traversal
        return file_get_contents(parent::current());
    }
}

// The same, where this class's own current() also returns input: parent::current() still does not call it.
class RequestedFiles extends \IteratorIterator
{
    public function current()
    {
        $path = parent::current();
        if ($path === null) {
            return $_GET['fallback'];
        }
        // vigil-ok: path-traversal
        return file_get_contents($path);
    }
}

class Uploads
{
    public function read()
    {
        $name = $_GET['name'];
        // vigil-expect: path-traversal
        return file_get_contents('/srv/uploads/' . $name);
    }

    public function listed()
    {
        // A path read from the program's own index file: the operator's, not input.
        $index = json_decode(file_get_contents(__DIR__ . '/index.json'), true);
        // vigil-ok: path-traversal
        return file_get_contents('/srv/uploads/' . $index['latest']);
    }
}
