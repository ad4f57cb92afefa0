//! Passkeys (WebAuthn) on the server: the relying party Senda is to authenticators, and the
//! two halves of each ceremony. The checks themselves (CBOR, COSE keys, signatures, origin,
//! challenge, user verification) are kanidm's `webauthn-rs`; here is only what Senda decides:
//! the relying party comes from `SENDA_PUBLIC_ORIGIN`, a passkey must verify its person (a PIN
//! or a fingerprint on the device), and new ones are made discoverable where the device can,
//! so they also sign in without a password.

use webauthn_rs::prelude::{
    CreationChallengeResponse, CredentialID, DiscoverableAuthentication, DiscoverableKey, Passkey,
    PasskeyAuthentication, PasskeyRegistration, PublicKeyCredential, RegisterPublicKeyCredential,
    RequestChallengeResponse, Url, Uuid, Webauthn, WebauthnBuilder,
};

/// How long a ceremony may take, from the page that starts it to the post that finishes it.
pub const CEREMONY_SECS: i64 = 5 * 60;

/// What a ceremony is for; kept with it, and checked by the post that finishes it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Purpose {
    /// Adding a passkey to my account.
    Register,
    /// Giving my second factor: after my password, or before a sensitive action.
    Confirm,
    /// Signing in with a passkey alone; the passkey says whose account.
    SignIn,
}

impl Purpose {
    pub fn as_str(self) -> &'static str {
        match self {
            Purpose::Register => "register",
            Purpose::Confirm => "confirm",
            Purpose::SignIn => "sign-in",
        }
    }
}

/// The relying party for `public_origin`, or `None` where passkeys cannot work: browsers
/// accept only a domain name as its id, so a site reached at an IP address offers none.
pub fn relying_party(public_origin: &str) -> Option<Webauthn> {
    let origin = Url::parse(public_origin).ok()?;
    let id = origin.domain()?.to_string();
    let built = WebauthnBuilder::new(&id, &origin).and_then(|builder| builder.rp_name("Senda").build());
    match built {
        Ok(party) => Some(party),
        Err(err) => {
            tracing::warn!(error = %err, public_origin, "passkeys are off: no relying party for this origin");
            None
        }
    }
}

/// A ceremony begun: the options for the browser (JSON, as `navigator.credentials` wants them
/// once their binary fields are decoded) and the state the server keeps until it is finished.
pub struct Begun {
    pub options: String,
    pub state: String,
}

/// Why a ceremony's answer was refused.
#[derive(Debug)]
pub enum Refused {
    /// Not the JSON of a credential at all.
    Malformed,
    /// The library's checks failed: another origin, another challenge, another key, a bad
    /// signature, no user verification.
    Unverified(String),
}

fn to_json<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_string(value).unwrap_or_default()
}

fn parsed<T: serde::de::DeserializeOwned>(json: &str) -> Result<T, Refused> {
    serde_json::from_str(json).map_err(|_| Refused::Malformed)
}

/// Starts adding a passkey for the person known to authenticators by `handle`; `existing`,
/// the ids of their passkeys, so a device that has one already says so instead of adding two.
pub fn begin_registration(
    party: &Webauthn,
    handle: Uuid,
    email: &str,
    name: &str,
    existing: Vec<CredentialID>,
) -> Result<Begun, String> {
    let existing = (!existing.is_empty()).then_some(existing);
    let (options, state): (CreationChallengeResponse, PasskeyRegistration) =
        party.start_passkey_registration(handle, email, name, existing).map_err(|err| err.to_string())?;
    // Discoverable where the device can make it so: the same passkey then also signs in
    // without the password. Not required, so security keys without room still work. (The
    // check of the answer does not depend on it.)
    let mut options = serde_json::to_value(&options).map_err(|err| err.to_string())?;
    if let Some(selection) = options.pointer_mut("/publicKey/authenticatorSelection").and_then(|s| s.as_object_mut()) {
        selection.insert("residentKey".into(), "preferred".into());
    }
    Ok(Begun { options: options.to_string(), state: to_json(&state) })
}

/// Checks the browser's answer to a registration; the passkey to keep.
pub fn finish_registration(party: &Webauthn, credential: &str, state: &str) -> Result<Passkey, Refused> {
    let credential: RegisterPublicKeyCredential = parsed(credential)?;
    let state: PasskeyRegistration = parsed(state)?;
    party.finish_passkey_registration(&credential, &state).map_err(|err| Refused::Unverified(err.to_string()))
}

/// Starts confirming that the person holds one of `passkeys`.
pub fn begin_confirmation(party: &Webauthn, passkeys: &[Passkey]) -> Result<Begun, String> {
    let (options, state): (RequestChallengeResponse, PasskeyAuthentication) =
        party.start_passkey_authentication(passkeys).map_err(|err| err.to_string())?;
    Ok(Begun { options: to_json(&options), state: to_json(&state) })
}

/// Starts a passkey-first sign-in: any passkey of this site the device holds may answer.
pub fn begin_sign_in(party: &Webauthn) -> Result<Begun, String> {
    let (mut options, state): (RequestChallengeResponse, DiscoverableAuthentication) =
        party.start_discoverable_authentication().map_err(|err| err.to_string())?;
    // Asked for by a button, in the browser's own dialog, not offered in the address field's
    // suggestions: a person using a screen reader hears what is about to happen first.
    options.mediation = None;
    Ok(Begun { options: to_json(&options), state: to_json(&state) })
}

/// The browser's answer to a confirmation or a sign-in, parsed: the credential's id
/// (base64url, as stored) and, for a discoverable passkey, the account handle it carries.
pub struct Answer {
    credential: PublicKeyCredential,
    pub credential_id: String,
    pub handle: Option<String>,
}

pub fn read_answer(credential: &str) -> Result<Answer, Refused> {
    let credential: PublicKeyCredential = parsed(credential)?;
    let credential_id = credential_id_text(credential.get_credential_id());
    let handle =
        credential.get_user_unique_id().and_then(|bytes| Uuid::from_slice(bytes).ok()).map(|uuid| uuid.to_string());
    Ok(Answer { credential, credential_id, handle })
}

/// Checks an answer against the ceremony's state and the passkey it names; the passkey as it
/// must be kept now (its signature counter moves on), when it changed.
pub fn finish_confirmation(
    party: &Webauthn,
    answer: &Answer,
    purpose: Purpose,
    state: &str,
    passkey: &Passkey,
) -> Result<Option<Passkey>, Refused> {
    let result = match purpose {
        Purpose::SignIn => {
            let state: DiscoverableAuthentication = parsed(state)?;
            party.finish_discoverable_authentication(&answer.credential, state, &[DiscoverableKey::from(passkey)])
        }
        _ => {
            let state: PasskeyAuthentication = parsed(state)?;
            party.finish_passkey_authentication(&answer.credential, &state)
        }
    }
    .map_err(|err| Refused::Unverified(err.to_string()))?;
    if !result.user_verified() {
        return Err(Refused::Unverified("the device did not verify its person".into()));
    }
    let mut kept = passkey.clone();
    Ok(kept.update_credential(&result).filter(|changed| *changed).map(|_| kept))
}

/// A credential id as it is stored and compared: base64url without padding.
pub fn credential_id_text(bytes: &[u8]) -> String {
    // The library's own encoding of binary fields, so ids compare equal however they came.
    match serde_json::to_value(webauthn_rs::prelude::Base64UrlSafeData::from(bytes.to_vec())) {
        Ok(serde_json::Value::String(text)) => text,
        _ => String::new(),
    }
}

/// A stored passkey back as the library's record.
pub fn stored(json: &str) -> Option<Passkey> {
    serde_json::from_str(json).ok()
}

/// A new random handle for an account (RFC 4122 version 4).
pub fn new_handle() -> Uuid {
    Uuid::new_v4()
}

/// The handle back from its stored text.
pub fn handle_of(text: &str) -> Option<Uuid> {
    Uuid::parse_str(text).ok()
}

pub fn to_stored(passkey: &Passkey) -> String {
    to_json(passkey)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_site_reached_at_an_address_offers_no_passkeys() {
        assert!(relying_party("http://127.0.0.1:3000").is_none());
        assert!(relying_party("http://localhost:3000").is_some());
        assert!(relying_party("https://senda.trabajo.gob.pe").is_some());
    }

    #[test]
    fn registration_asks_for_a_discoverable_passkey_verified_by_its_person() {
        let party = relying_party("https://senda.example").unwrap();
        let begun = begin_registration(&party, new_handle(), "ana@senda.test", "Ana", Vec::new()).unwrap();
        let options: serde_json::Value = serde_json::from_str(&begun.options).unwrap();
        let selection = &options["publicKey"]["authenticatorSelection"];
        assert_eq!(selection["residentKey"], "preferred");
        assert_eq!(selection["userVerification"], "required");
        assert_eq!(options["publicKey"]["rp"]["id"], "senda.example");
        assert!(options["publicKey"]["challenge"].as_str().is_some_and(|c| c.len() >= 43), "{options}");
    }

    #[test]
    fn a_passkey_first_sign_in_is_asked_for_by_a_button() {
        let party = relying_party("https://senda.example").unwrap();
        let begun = begin_sign_in(&party).unwrap();
        let options: serde_json::Value = serde_json::from_str(&begun.options).unwrap();
        assert!(options.get("mediation").is_none(), "{options}");
        assert_eq!(options["publicKey"]["userVerification"], "required");
    }

    #[test]
    fn answers_that_are_not_credentials_are_refused_before_any_check() {
        assert!(matches!(read_answer("{}"), Err(Refused::Malformed)));
        assert!(matches!(read_answer("not json"), Err(Refused::Malformed)));
        let party = relying_party("https://senda.example").unwrap();
        let begun = begin_registration(&party, new_handle(), "a@b.c", "A", Vec::new()).unwrap();
        assert!(matches!(finish_registration(&party, "[]", &begun.state), Err(Refused::Malformed)));
    }
}
