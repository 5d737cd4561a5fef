<?php

use PHPUnit\Framework\TestCase;

final class TokenTest extends TestCase
{
    public function testLegacyDigest(): void
    {
        // vigil-demoted: weak-hash
        $token = md5('password');
        // vigil-ok: weak-hash
        $modern = hash('sha256', 'password');
        $this->assertNotSame($token, $modern);
    }
}
