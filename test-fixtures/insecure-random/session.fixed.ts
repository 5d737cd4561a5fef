interface Session {
  id: string;
  csrfToken: string;
  createdAt: number;
}

export function newSession(): Session {
  return {
    id: crypto.randomUUID(),
    // vigil-expect: insecure-random
    csrfToken: crypto.randomUUID(),
    // vigil-ok: insecure-random
    createdAt: Date.now() + Math.random(),
  };
}

export class OtpService {
  // vigil-expect: insecure-random
  private otpCode = Math.floor(100000 + Math.random() * 900000);
  // vigil-ok: insecure-random
  private pollJitter = Math.random() * 50;

  sampleRate(): number {
    // vigil-ok: insecure-random
    return Math.random();
  }
}
