//! The `data-live` marker every island carries: "off" in the server's HTML, "on" once the
//! island runs in the browser. People get nothing from it; the browser tests wait for it
//! before using an island, and fail a page where one stays "off" (it never woke up).

/// The marker's attribute.
pub const ATTR: &str = "data-live";

/// The marker's value for an island that runs (`live`) or not yet.
pub fn value(live: bool) -> &'static str {
    if live {
        "on"
    } else {
        "off"
    }
}

/// Marks an island that wires server HTML (and has no view of its own) as running.
#[cfg(feature = "hydrate")]
pub fn mark(element: &web_sys::Element) {
    let _ = element.set_attribute(ATTR, value(true));
}
