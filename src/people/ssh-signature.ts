import { createHash, createPublicKey, type KeyObject, verify } from "node:crypto";

/** The namespace every workbench signature is made in: a signature made for git or e-mail does not count here. */
export const SIGNATURE_NAMESPACE = "livinglab-logboek";

/** The namespace seals of a log are signed in: a seal's signature never passes for a record's, or the other way round. */
export const SEAL_NAMESPACE = "livinglab-zegel";

/** An OpenSSH signature (SSHSIG, as `ssh-keygen -Y sign` writes it), taken apart. */
export interface SshSignature {
  /** The signer's public key in SSH wire format. */
  publicKey: Buffer;
  namespace: string;
  hashAlgorithm: string;
  /** The signature's algorithm (ssh-ed25519, rsa-sha2-512, ...) and bytes. */
  algorithm: string;
  signature: Buffer;
}

/** A public key line (`ssh-ed25519 AAAA... comment`) as its SSH wire bytes. */
export function publicKeyBlob(line: string): Buffer {
  return Buffer.from(line.trim().split(/\s+/)[1] ?? "", "base64");
}

/** The key's fingerprint as OpenSSH shows it: `SHA256:` and the unpadded base64 of its hash. */
export function keyFingerprint(blob: Buffer): string {
  return `SHA256:${createHash("sha256").update(blob).digest("base64").replace(/=+$/, "")}`;
}

/** Reads an armored SSH signature; undefined when it is not one. */
export function parseSshSignature(armored: string): SshSignature | undefined {
  const body = /-----BEGIN SSH SIGNATURE-----([\s\S]*?)-----END SSH SIGNATURE-----/.exec(armored)?.[1];
  if (body === undefined) return undefined;
  try {
    const reader = new WireReader(Buffer.from(body.replace(/\s+/g, ""), "base64"));
    if (reader.bytes(6).toString("latin1") !== "SSHSIG" || reader.uint32() !== 1) return undefined;
    const publicKey = reader.string();
    const namespace = reader.string().toString("utf8");
    reader.string();
    const hashAlgorithm = reader.string().toString("utf8");
    const inner = new WireReader(reader.string());
    return { publicKey, namespace, hashAlgorithm, algorithm: inner.text(), signature: inner.string() };
  } catch {
    return undefined;
  }
}

/**
 * Whether `signature` is a valid signature of `message` by its own key in `namespace`, checked
 * the way `ssh-keygen -Y verify` checks it (the tests compare both). Ed25519, RSA and ECDSA
 * (nistp256, nistp384, nistp521) keys.
 */
export function verifySshSignature(signature: SshSignature, message: string | Buffer, namespace: string): boolean {
  if (signature.namespace !== namespace) return false;
  if (signature.hashAlgorithm !== "sha512" && signature.hashAlgorithm !== "sha256") return false;
  const key = keyObject(signature.publicKey);
  if (!key) return false;
  const digest = createHash(signature.hashAlgorithm).update(message).digest();
  const signed = Buffer.concat([
    Buffer.from("SSHSIG"),
    wireString(Buffer.from(namespace)),
    wireString(Buffer.alloc(0)),
    wireString(Buffer.from(signature.hashAlgorithm)),
    wireString(digest),
  ]);
  const algorithm = signatureAlgorithms[signature.algorithm];
  if (!algorithm) return false;
  try {
    if (algorithm.ecdsaBytes === undefined) return verify(algorithm.digest, signed, key, signature.signature);
    const ecdsa = ecdsaSignature(signature.signature, algorithm.ecdsaBytes);
    return verify(algorithm.digest, signed, { key, dsaEncoding: "ieee-p1363" }, ecdsa);
  } catch {
    return false;
  }
}

/** Per SSH signature algorithm: the digest it signs with, and for ECDSA the size of r and s. */
const signatureAlgorithms: Record<string, { digest: string | null; ecdsaBytes?: number }> = {
  "ssh-ed25519": { digest: null },
  "rsa-sha2-512": { digest: "sha512" },
  "rsa-sha2-256": { digest: "sha256" },
  "ecdsa-sha2-nistp256": { digest: "sha256", ecdsaBytes: 32 },
  "ecdsa-sha2-nistp384": { digest: "sha384", ecdsaBytes: 48 },
  "ecdsa-sha2-nistp521": { digest: "sha512", ecdsaBytes: 66 },
};

/** SSH's ECDSA signature (two mpints, r and s) as the fixed-size r||s that Node verifies. */
function ecdsaSignature(blob: Buffer, size: number): Buffer {
  const reader = new WireReader(blob);
  const part = (mpint: Buffer) => {
    const bytes = unsigned(mpint);
    if (bytes.length > size) throw new RangeError("ECDSA-deel te lang");
    return Buffer.concat([Buffer.alloc(size - bytes.length), bytes]);
  };
  return Buffer.concat([part(reader.string()), part(reader.string())]);
}

/** The JWK curve of each SSH ECDSA curve name. */
const ecdsaCurves: Record<string, { crv: string; bytes: number }> = {
  nistp256: { crv: "P-256", bytes: 32 },
  nistp384: { crv: "P-384", bytes: 48 },
  nistp521: { crv: "P-521", bytes: 66 },
};

/** A Node key from SSH wire bytes, for the key types the workbench verifies. */
function keyObject(blob: Buffer): KeyObject | undefined {
  try {
    const reader = new WireReader(blob);
    const type = reader.text();
    const b64url = (b: Buffer) => b.toString("base64url");
    if (type === "ssh-ed25519") {
      return createPublicKey({ key: { kty: "OKP", crv: "Ed25519", x: b64url(reader.string()) }, format: "jwk" });
    }
    if (type.startsWith("ecdsa-sha2-")) {
      const curve = ecdsaCurves[reader.text()];
      const point = reader.string();
      // An uncompressed point: 0x04, then x and y of the curve's size.
      if (!curve || point[0] !== 4 || point.length !== 1 + 2 * curve.bytes) return undefined;
      const x = point.subarray(1, 1 + curve.bytes);
      const y = point.subarray(1 + curve.bytes);
      return createPublicKey({ key: { kty: "EC", crv: curve.crv, x: b64url(x), y: b64url(y) }, format: "jwk" });
    }
    if (type === "ssh-rsa") {
      const e = unsigned(reader.string());
      const n = unsigned(reader.string());
      return createPublicKey({ key: { kty: "RSA", e: b64url(e), n: b64url(n) }, format: "jwk" });
    }
  } catch {
    return undefined;
  }
  return undefined;
}

/** An SSH mpint without its leading zero byte. */
function unsigned(mpint: Buffer): Buffer {
  let start = 0;
  while (start < mpint.length - 1 && mpint[start] === 0) start++;
  return mpint.subarray(start);
}

function wireString(bytes: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(bytes.length);
  return Buffer.concat([length, bytes]);
}

class WireReader {
  private offset = 0;
  constructor(private readonly buffer: Buffer) {}
  bytes(n: number): Buffer {
    if (this.offset + n > this.buffer.length) throw new RangeError("SSH-gegevens afgebroken");
    const out = this.buffer.subarray(this.offset, this.offset + n);
    this.offset += n;
    return out;
  }
  uint32(): number {
    return this.bytes(4).readUInt32BE(0);
  }
  string(): Buffer {
    return this.bytes(this.uint32());
  }
  text(): string {
    return this.string().toString("utf8");
  }
}
