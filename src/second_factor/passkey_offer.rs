//! A passkey form, and the island that lets the browser answer it. Passkeys need the browser's
//! `navigator.credentials`, so the form is server HTML kept `hidden` until the island finds the
//! browser can make and use them; until then (and without JavaScript) a note says what else
//! works: an authenticator app's code, or a recovery code. On submit the island asks the
//! browser for the passkey (the device then asks its person for a PIN, a fingerprint or a
//! face), puts the answer in the form, and posts it as the form it is: the server checks it and
//! answers with a page, errors on the button as on any field.

use super::{PasskeyCeremonyView, CEREMONY_FIELD, CREDENTIAL_FIELD, PASSKEY_FIELD};
use crate::components::form::{CsrfField, FieldError};
use crate::i18n::Key;
use crate::ui::use_ui;
use leptos::prelude::*;

/// What the form asks the browser for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ceremony {
    /// A new passkey.
    Create,
    /// One of my passkeys (or, with no ceremony yet, any of this site's: a passkey-first
    /// sign-in, whose challenge the island fetches from `start`).
    Get,
}

/// The form: `ceremony` the one begun for it, or `None` to fetch one from `start` when pressed.
/// `carry`: hidden fields posted along (where to go next, the passkey's name).
#[component]
pub fn PasskeyForm(
    action: &'static str,
    kind: Ceremony,
    ceremony: Option<PasskeyCeremonyView>,
    #[prop(optional)] start: Option<&'static str>,
    label: &'static str,
    #[prop(optional)] carry: Vec<(&'static str, String)>,
    #[prop(optional)] secondary: bool,
    /// A sentence before the button, shown with it.
    #[prop(optional)]
    intro: Option<&'static str>,
    /// Nothing said where the browser cannot: the page has its other way in plain sight.
    #[prop(optional)]
    quiet: bool,
    error: Option<String>,
) -> impl IntoView {
    let ui = use_ui();
    let (id, options) = ceremony.map(|c| (c.ceremony, Some(c.options))).unwrap_or_default();
    let kind = match kind {
        Ceremony::Create => "create",
        Ceremony::Get => "get",
    };
    let error_id = format!("{PASSKEY_FIELD}-error");
    let invalid = error.is_some();
    let described = invalid.then(|| error_id.clone());
    let carried =
        carry.into_iter().map(|(name, value)| view! { <input type="hidden" name=name value=value /> }).collect_view();
    view! {
        {(!quiet).then(|| view! { <p class="app-inset" data-passkey-unsupported>{ui.t(Key::passkey_unsupported)}</p> })}
        <div
            class="app-field"
            class:app-field--error=invalid
            data-passkey-offer
            data-live=crate::components::live::value(false)
            hidden
        >
            <form
                method="post"
                action=action
                novalidate
                data-passkey=kind
                data-options=options
                data-start=start
                data-waiting=ui.t(Key::passkey_waiting)
                data-failed=ui.t(Key::passkey_failed)
            >
                {intro.map(|intro| view! { <p>{intro}</p> })}
                <CsrfField />
                <input type="hidden" name=CEREMONY_FIELD value=id />
                <input type="hidden" name=CREDENTIAL_FIELD value="" />
                {carried}
                <FieldError id=error_id message=error />
                <button
                    id=PASSKEY_FIELD
                    class="app-button"
                    class:app-button--secondary=secondary
                    type="submit"
                    aria-describedby=described
                >
                    {label}
                </button>
                <p class="app-hint" role="status" data-passkey-status></p>
            </form>
        </div>
        <PasskeyListener />
    }
}

/// Wires every passkey form of the page; no view of its own.
#[island]
fn PasskeyListener() -> impl IntoView {
    Effect::new(browser::wake);
}

#[cfg(not(feature = "hydrate"))]
mod browser {
    pub fn wake() {}
}

#[cfg(feature = "hydrate")]
mod browser {
    use js_sys::{Array, Function, Object, Reflect, Uint8Array, JSON};
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;
    use web_sys::{Element, HtmlFormElement, HtmlInputElement};

    pub fn wake() {
        let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
        let supported =
            Reflect::get(&js_sys::global(), &"PublicKeyCredential".into()).is_ok_and(|found| !found.is_undefined());
        let all = |selector: &str| {
            let found = document.query_selector_all(selector).ok();
            let count = found.as_ref().map_or(0, |list| list.length());
            (0..count).filter_map(move |i| found.as_ref()?.item(i)?.dyn_into::<Element>().ok())
        };
        if supported {
            for note in all("[data-passkey-unsupported]") {
                let _ = note.set_attribute("hidden", "");
            }
        }
        for offer in all("[data-passkey-offer]") {
            if supported {
                let _ = offer.remove_attribute("hidden");
                if let Some(form) = offer.query_selector("form[data-passkey]").ok().flatten() {
                    listen(&form);
                }
            }
            // Marked now: the listener is added in this same turn, before any press.
            crate::components::live::mark(&offer);
        }
    }

    fn listen(form: &Element) {
        let handler = Closure::<dyn FnMut(web_sys::Event)>::new(move |event: web_sys::Event| {
            let Some(form) = event.current_target().and_then(|t| t.dyn_into::<HtmlFormElement>().ok()) else {
                return;
            };
            if !input(&form, super::CREDENTIAL_FIELD).is_some_and(|i| i.value().is_empty()) {
                return;
            }
            event.prevent_default();
            wasm_bindgen_futures::spawn_local(async move {
                say(&form, "data-waiting");
                match answer(&form).await {
                    Some(credential) => {
                        if let Some(field) = input(&form, super::CREDENTIAL_FIELD) {
                            field.set_value(&credential);
                        }
                        // Not `requestSubmit`: this listener would run again.
                        let _ = form.submit();
                    }
                    None => say(&form, "data-failed"),
                }
            });
        });
        let _ = form.add_event_listener_with_callback("submit", handler.as_ref().unchecked_ref());
        handler.forget();
    }

    fn input(form: &HtmlFormElement, name: &str) -> Option<HtmlInputElement> {
        form.query_selector(&format!("input[name=\"{name}\"]")).ok()??.dyn_into().ok()
    }

    /// Puts the form's message named by `attribute` in its live region.
    fn say(form: &HtmlFormElement, attribute: &str) {
        if let Some(status) = form.query_selector("[data-passkey-status]").ok().flatten() {
            status.set_text_content(form.get_attribute(attribute).as_deref());
        }
    }

    /// Runs the ceremony: the browser's answer as JSON, or `None` when there is none (the
    /// person cancelled, the time ran out, no passkey of this site is on the device).
    async fn answer(form: &HtmlFormElement) -> Option<String> {
        let options = match form.get_attribute("data-start") {
            Some(start) => {
                let begun = fetch_json(&start).await?;
                let ceremony = Reflect::get(&begun, &"ceremony".into()).ok()?.as_string()?;
                input(form, super::CEREMONY_FIELD)?.set_value(&ceremony);
                Reflect::get(&begun, &"options".into()).ok()?.as_string()?
            }
            None => form.get_attribute("data-options")?,
        };
        let create = form.get_attribute("data-passkey").as_deref() == Some("create");
        let options = JSON::parse(&options).ok()?;
        let public_key = Reflect::get(&options, &"publicKey".into()).ok()?;
        decode_field(&public_key, "challenge")?;
        if let Ok(user) = Reflect::get(&public_key, &"user".into()) {
            if user.is_object() {
                decode_field(&user, "id")?;
            }
        }
        for list in ["excludeCredentials", "allowCredentials"] {
            let list = Reflect::get(&public_key, &list.into()).ok().filter(Array::is_array);
            for item in list.map(|list| Array::from(&list)).iter().flat_map(|list| list.iter()) {
                decode_field(&item, "id")?;
            }
        }
        let request = Object::new();
        Reflect::set(&request, &"publicKey".into(), &public_key).ok()?;
        let navigator = Reflect::get(&js_sys::global(), &"navigator".into()).ok()?;
        let credentials = Reflect::get(&navigator, &"credentials".into()).ok()?;
        let method: Function =
            Reflect::get(&credentials, &(if create { "create" } else { "get" }).into()).ok()?.dyn_into().ok()?;
        let promise: js_sys::Promise = method.call1(&credentials, &request).ok()?.dyn_into().ok()?;
        let credential = JsFuture::from(promise).await.ok()?;
        if credential.is_null() {
            return None;
        }
        JSON::stringify(&encode_credential(&credential, create)?).ok()?.as_string()
    }

    /// The credential as the server reads it (WebAuthn's JSON form): binary fields base64url.
    fn encode_credential(credential: &JsValue, create: bool) -> Option<JsValue> {
        let response = Reflect::get(credential, &"response".into()).ok()?;
        let out = Object::new();
        let copy = |from: &JsValue, to: &Object, name: &str| -> Option<()> {
            let value = Reflect::get(from, &name.into()).ok()?;
            let value = if value.is_null() || value.is_undefined() { JsValue::NULL } else { bytes_text(&value).into() };
            Reflect::set(to, &name.into(), &value).ok().map(|_| ())
        };
        Reflect::set(&out, &"id".into(), &Reflect::get(credential, &"id".into()).ok()?).ok()?;
        Reflect::set(&out, &"type".into(), &Reflect::get(credential, &"type".into()).ok()?).ok()?;
        copy(credential, &out, "rawId")?;
        let inner = Object::new();
        copy(&response, &inner, "clientDataJSON")?;
        let names: &[&str] =
            if create { &["attestationObject"] } else { &["authenticatorData", "signature", "userHandle"] };
        for name in names {
            copy(&response, &inner, name)?;
        }
        if create {
            let transports = Reflect::get(&response, &"getTransports".into())
                .ok()
                .and_then(|f| f.dyn_into::<Function>().ok())
                .and_then(|f| f.call0(&response).ok());
            if let Some(transports) = transports {
                Reflect::set(&inner, &"transports".into(), &transports).ok()?;
            }
        }
        Reflect::set(&out, &"response".into(), &inner).ok()?;
        let extensions = Reflect::get(credential, &"getClientExtensionResults".into())
            .ok()
            .and_then(|f| f.dyn_into::<Function>().ok())
            .and_then(|f| f.call0(credential).ok())
            .unwrap_or_else(|| Object::new().into());
        Reflect::set(&out, &"extensions".into(), &extensions).ok()?;
        Some(out.into())
    }

    /// Replaces the base64url text of `object[name]` with its bytes.
    fn decode_field(object: &JsValue, name: &str) -> Option<()> {
        let text = Reflect::get(object, &name.into()).ok()?.as_string()?;
        let bytes = super::super::base64url::decode(&text)?;
        Reflect::set(object, &name.into(), &Uint8Array::from(bytes.as_slice())).ok().map(|_| ())
    }

    /// An `ArrayBuffer` (or view of one) as base64url text.
    fn bytes_text(value: &JsValue) -> String {
        super::super::base64url::encode(&Uint8Array::new(value).to_vec())
    }

    async fn fetch_json(address: &str) -> Option<JsValue> {
        let window = web_sys::window()?;
        let init = web_sys::RequestInit::new();
        init.set_method("POST");
        let response: web_sys::Response =
            JsFuture::from(window.fetch_with_str_and_init(address, &init)).await.ok()?.dyn_into().ok()?;
        if !response.ok() {
            return None;
        }
        JsFuture::from(response.json().ok()?).await.ok()
    }
}
