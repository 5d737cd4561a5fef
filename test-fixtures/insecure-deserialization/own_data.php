<?php

// The Serializable hook receives the object's own state from PHP's outer unserialize call.
final class Profile implements Serializable
{
    private array $data = [];

    public function serialize(): string
    {
        return serialize($this->data);
    }

    public function unserialize($serialized): void
    {
        // vigil-ok: insecure-deserialization
        $this->data = unserialize($serialized);
    }
}

function copyOf(array $value): array
{
    // vigil-ok: insecure-deserialization
    return unserialize(serialize($value));
}

function fromCookie(): array
{
    // vigil-expect: insecure-deserialization
    return unserialize($_COOKIE['profile']);
}
