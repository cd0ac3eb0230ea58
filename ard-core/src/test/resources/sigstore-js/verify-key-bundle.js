// Verifies a key-signed Sigstore bundle written by ARD with sigstore-js (@sigstore/verify), an
// implementation independent of ARD's own verifier.
// Usage: node verify-key-bundle.js <bundle.sigstore.json> <public-key.pem> [<artifact>]
// (artifact for message-signature bundles; DSSE bundles carry their payload).
// Key mode has no transparency log, CT log or timestamp, so the thresholds are 0 and the trust root is
// empty: the only trust is the public key, found by the bundle's hint.
// Prints "verified" and exits 0, or prints the error and exits 1.
'use strict';
const fs = require('fs');
const crypto = require('crypto');
const { bundleFromJSON } = require('@sigstore/bundle');
const { TrustedRoot } = require('@sigstore/protobuf-specs');
const { Verifier, toSignedEntity, toTrustMaterial } = require('@sigstore/verify');

const [bundlePath, keyPath, artifactPath] = process.argv.slice(2);
try {
  const bundle = bundleFromJSON(JSON.parse(fs.readFileSync(bundlePath, 'utf8')));
  const key = crypto.createPublicKey(fs.readFileSync(keyPath, 'utf8'));
  const expectedHint = crypto.createHash('sha256').update(key.export({ type: 'spki', format: 'der' })).digest('base64');
  const root = TrustedRoot.fromJSON({
    mediaType: 'application/vnd.dev.sigstore.trustedroot+json;version=0.1',
    tlogs: [], certificateAuthorities: [], ctlogs: [], timestampAuthorities: [],
  });
  const trust = toTrustMaterial(root, (hint) => {
    if (hint !== expectedHint) {
      throw new Error(`no trusted key with hint ${hint}`);
    }
    return { publicKey: key, validFor: () => true };
  });
  const verifier = new Verifier(trust, { tlogThreshold: 0, ctlogThreshold: 0, timestampThreshold: 0 });
  const artifact = artifactPath ? fs.readFileSync(artifactPath) : undefined;
  verifier.verify(toSignedEntity(bundle, artifact));
  console.log('verified');
} catch (e) {
  console.log(`rejected: ${e.code || ''} ${e.message}`);
  process.exit(1);
}
