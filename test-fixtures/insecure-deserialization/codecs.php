<?php

namespace App\Types;

// A column type's two halves: the database value it decodes is what its encoder stored.
final class ArrayColumn
{
    public function toDatabase($value): string
    {
        return serialize($value);
    }

    public function toPhp($value)
    {
        // vigil-ok: insecure-deserialization
        return unserialize($value);
    }
}

final class Prefs
{
    public function save($value): void
    {
        setcookie('prefs', serialize($value));
    }

    public function load($value)
    {
        // Stores a dump but returns none: no codec here.
        // vigil-expect: insecure-deserialization
        return unserialize($value);
    }
}
