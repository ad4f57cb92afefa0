//! A software authenticator for the router tests: a P-256 key made by OpenSSL (already in the
//! tree under the WebAuthn library), answering registration and sign-in options the way a
//! phone's lock or a security key with a PIN does — "none" attestation, user present and
//! verified, a counter that moves on. It only produces answers; every check is the server's.

use openssl::bn::{BigNum, BigNumContext};
use openssl::ec::{EcGroup, EcKey};
use openssl::hash::MessageDigest;
use openssl::nid::Nid;
use openssl::pkey::{PKey, Private};
use openssl::sign::Signer;
use senda::second_factor::base64url;
use sha2::Digest;

pub struct Authenticator {
    key: EcKey<Private>,
    credential_id: Vec<u8>,
    /// The account handle a registration gave it, returned at a passkey-first sign-in.
    user_handle: Vec<u8>,
    counter: u32,
}

impl Authenticator {
    pub fn new(credential_id: &[u8]) -> Self {
        let group = EcGroup::from_curve_name(Nid::X9_62_PRIME256V1).unwrap();
        Authenticator {
            key: EcKey::generate(&group).unwrap(),
            credential_id: credential_id.to_vec(),
            user_handle: Vec::new(),
            counter: 0,
        }
    }

    /// The answer to registration `options` (JSON as the page carries them), from `origin`.
    pub fn register(&mut self, options: &serde_json::Value, origin: &str) -> String {
        let public_key = &options["publicKey"];
        self.user_handle = base64url::decode(public_key["user"]["id"].as_str().unwrap()).unwrap();
        let client_data = client_data("webauthn.create", public_key, origin);
        let mut auth_data = self.auth_data(public_key["rp"]["id"].as_str().unwrap(), 0x45);
        auth_data.extend([0u8; 16]);
        auth_data.extend((self.credential_id.len() as u16).to_be_bytes());
        auth_data.extend(&self.credential_id);
        auth_data.extend(self.cose_key());
        // CBOR of {"fmt": "none", "attStmt": {}, "authData": …}.
        let mut object = vec![0xa3, 0x63];
        object.extend(b"fmt");
        object.push(0x64);
        object.extend(b"none");
        object.push(0x67);
        object.extend(b"attStmt");
        object.extend([0xa0, 0x68]);
        object.extend(b"authData");
        object.extend([0x58, auth_data.len() as u8]);
        object.extend(auth_data);
        serde_json::json!({
            "id": base64url::encode(&self.credential_id),
            "rawId": base64url::encode(&self.credential_id),
            "type": "public-key",
            "response": {
                "attestationObject": base64url::encode(&object),
                "clientDataJSON": base64url::encode(client_data.as_bytes()),
                "transports": ["internal"],
            },
            "extensions": {},
        })
        .to_string()
    }

    /// The answer to sign-in `options`, from `origin`, signed by this device's key.
    pub fn sign_in(&mut self, options: &serde_json::Value, origin: &str) -> String {
        let public_key = &options["publicKey"];
        let client_data = client_data("webauthn.get", public_key, origin);
        let auth_data = self.auth_data(public_key["rpId"].as_str().unwrap(), 0x05);
        let mut signed = auth_data.clone();
        signed.extend(sha2::Sha256::digest(client_data.as_bytes()));
        let key = PKey::from_ec_key(self.key.clone()).unwrap();
        let signature = Signer::new(MessageDigest::sha256(), &key).unwrap().sign_oneshot_to_vec(&signed).unwrap();
        serde_json::json!({
            "id": base64url::encode(&self.credential_id),
            "rawId": base64url::encode(&self.credential_id),
            "type": "public-key",
            "response": {
                "authenticatorData": base64url::encode(&auth_data),
                "clientDataJSON": base64url::encode(client_data.as_bytes()),
                "signature": base64url::encode(&signature),
                "userHandle": base64url::encode(&self.user_handle),
            },
            "extensions": {},
        })
        .to_string()
    }

    /// The account handle this device keeps, to hand to another device in a test.
    pub fn user_handle(&self) -> Vec<u8> {
        self.user_handle.clone()
    }

    pub fn set_user_handle(&mut self, handle: Vec<u8>) {
        self.user_handle = handle;
    }

    fn auth_data(&mut self, rp_id: &str, flags: u8) -> Vec<u8> {
        self.counter += 1;
        let mut data = sha2::Sha256::digest(rp_id.as_bytes()).to_vec();
        data.push(flags);
        data.extend(self.counter.to_be_bytes());
        data
    }

    /// The public key as COSE (EC2, ES256, P-256) in CBOR.
    fn cose_key(&self) -> Vec<u8> {
        let group = EcGroup::from_curve_name(Nid::X9_62_PRIME256V1).unwrap();
        let (mut x, mut y) = (BigNum::new().unwrap(), BigNum::new().unwrap());
        let mut context = BigNumContext::new().unwrap();
        self.key.public_key().affine_coordinates(&group, &mut x, &mut y, &mut context).unwrap();
        let mut cose = vec![0xa5, 0x01, 0x02, 0x03, 0x26, 0x20, 0x01, 0x21, 0x58, 0x20];
        cose.extend(x.to_vec_padded(32).unwrap());
        cose.extend([0x22, 0x58, 0x20]);
        cose.extend(y.to_vec_padded(32).unwrap());
        cose
    }
}

fn client_data(kind: &str, public_key: &serde_json::Value, origin: &str) -> String {
    serde_json::json!({ "type": kind, "challenge": public_key["challenge"], "origin": origin, "crossOrigin": false })
        .to_string()
}
