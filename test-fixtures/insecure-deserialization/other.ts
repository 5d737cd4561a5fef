import { Codec } from './codec';

export function decode(codec: Codec, raw: string): unknown {
  // vigil-ok: insecure-deserialization
  return codec.unserialize(raw);
}
