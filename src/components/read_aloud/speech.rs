//! The browser side: finding a voice, the queue of sentences, the highlight.

use super::{sentences, READABLE};
use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, SpeechSynthesis, SpeechSynthesisUtterance, SpeechSynthesisVoice};

/// The elements whose text is read one by one inside a readable region.
const BLOCKS: &str = "h1, h2, h3, h4, p, li, dt, dd";
const HIGHLIGHT: &str = "senda-reading";
const READING_CLASS: &str = "app-reading";

struct Piece {
    element: Element,
    start: usize,
    end: usize,
    text: String,
}

/// What speaks. The browser's speech synthesis now; a server-audio speaker would offer
/// the same operations.
struct Speaker {
    synth: SpeechSynthesis,
    voice: SpeechSynthesisVoice,
}

impl Speaker {
    fn browser(lang: &str) -> Option<Speaker> {
        let synth = web_sys::window()?.speech_synthesis().ok()?;
        let voice = pick(&synth, lang)?;
        Some(Speaker { synth, voice })
    }

    fn say(&self, text: &str, rate: f32, then: impl FnOnce() + 'static) {
        let Ok(utterance) = SpeechSynthesisUtterance::new_with_text(text) else { return };
        utterance.set_voice(Some(&self.voice));
        utterance.set_lang(&self.voice.lang());
        utterance.set_rate(rate);
        let ended = Closure::once_into_js(then);
        utterance.set_onend(Some(ended.unchecked_ref()));
        self.synth.speak(&utterance);
    }

    fn pause(&self) {
        self.synth.pause();
    }

    fn resume(&self) {
        self.synth.resume();
    }

    fn cancel(&self) {
        self.synth.cancel();
    }
}

struct Reader {
    speaker: Speaker,
    pieces: Vec<Piece>,
    next: usize,
    rate: f32,
    /// Bumped by every start and stop, so the end of an utterance cut short is ignored.
    run: u32,
    finished: Option<Box<dyn Fn()>>,
}

thread_local! {
    static LANG: RefCell<String> = const { RefCell::new(String::new()) };
    static READER: RefCell<Option<Reader>> = const { RefCell::new(None) };
    static PHASE: std::cell::Cell<Phase> = const { std::cell::Cell::new(Phase::Idle) };
    static RATE: std::cell::Cell<f32> = const { std::cell::Cell::new(1.0) };
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Phase {
    Idle,
    Speaking,
    Paused,
}

/// The control's parts, found by their `data-` attributes.
fn part(root: &Element, selector: &str) -> Option<Element> {
    root.query_selector(selector).ok().flatten()
}

/// Shows the buttons and words of `phase`, and says it in the status region.
fn show(root: &Element, phase: Phase, status: &str) {
    PHASE.with(|p| p.set(phase));
    let label = match phase {
        Phase::Idle => "data-listen-start",
        Phase::Speaking => "data-listen-pause",
        Phase::Paused => "data-listen-resume",
    };
    if let Some(toggle) = part(root, "[data-listen-toggle]") {
        toggle.set_text_content(root.get_attribute(label).as_deref());
    }
    if let Some(stop) = part(root, "[data-listen-stop]") {
        let _ = stop.toggle_attribute_with_force("hidden", phase == Phase::Idle);
    }
    let said = if status.is_empty() { None } else { root.get_attribute(status) };
    if let Some(region) = part(root, "[data-listen-status]") {
        region.set_text_content(Some(said.as_deref().unwrap_or("")));
    }
}

fn listen(element: Option<Element>, event: &str, handler: impl FnMut(web_sys::Event) + 'static) {
    if let Some(element) = element {
        let handler = Closure::<dyn FnMut(web_sys::Event)>::new(handler);
        let _ = element.add_event_listener_with_callback(event, handler.as_ref().unchecked_ref());
        handler.forget();
    }
}

/// Finds the page's control, and a voice for its language; then the buttons work.
pub fn wire() {
    let Some(root) =
        web_sys::window().and_then(|w| w.document()).and_then(|d| d.query_selector("[data-listen]").ok().flatten())
    else {
        return;
    };
    let lang = root.get_attribute("data-listen").unwrap_or_default();
    let found = {
        let root = root.clone();
        move |found: bool| {
            for (selector, hidden) in [
                ("[data-listen-note=script]", true),
                ("[data-listen-note=voice]", found),
                ("div.app-listen__controls", !found),
            ] {
                if let Some(element) = part(&root, selector) {
                    let _ = element.toggle_attribute_with_force("hidden", hidden);
                }
            }
        }
    };
    find_voice(lang, found);
    listen(part(&root, "[data-listen-toggle]"), "click", {
        let root = root.clone();
        move |_| match PHASE.with(|p| p.get()) {
            Phase::Idle => {
                let done = {
                    let root = root.clone();
                    move || show(&root, Phase::Idle, "data-listen-done")
                };
                if start(RATE.with(|r| r.get()), done) {
                    show(&root, Phase::Speaking, "data-listen-reading");
                }
            }
            Phase::Speaking => {
                pause();
                show(&root, Phase::Paused, "data-listen-paused");
            }
            Phase::Paused => {
                resume();
                show(&root, Phase::Speaking, "data-listen-reading");
            }
        }
    });
    listen(part(&root, "[data-listen-stop]"), "click", {
        let root = root.clone();
        move |_| {
            stop();
            show(&root, Phase::Idle, "");
            // The button goes away; the one that starts again takes the focus.
            if let Some(toggle) =
                part(&root, "[data-listen-toggle]").and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok())
            {
                let _ = toggle.focus();
            }
        }
    });
    listen(part(&root, "[data-listen-speed]"), "change", move |event| {
        let value = event
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlSelectElement>().ok())
            .and_then(|select| select.value().parse::<u16>().ok())
            .map_or(1.0, |percent| f32::from(percent) / 100.0);
        RATE.with(|r| r.set(value));
        set_rate(value);
    });
    crate::components::live::mark(&root);
}

/// The page-language voice, else one of the same language family.
fn pick(synth: &SpeechSynthesis, lang: &str) -> Option<SpeechSynthesisVoice> {
    // Not checked by type: what the browser lists is a voice.
    let voices: Vec<SpeechSynthesisVoice> =
        synth.get_voices().iter().map(|v| v.unchecked_into::<SpeechSynthesisVoice>()).collect();
    let norm = |tag: String| tag.replace('_', "-").to_ascii_lowercase();
    let wanted = lang.to_ascii_lowercase();
    let family = wanted.split('-').next().unwrap_or("").to_string();
    voices
        .iter()
        .find(|v| norm(v.lang()) == wanted)
        .or_else(|| voices.iter().find(|v| norm(v.lang()).split('-').next() == Some(family.as_str())))
        .cloned()
}

/// Tells `found` whether a voice for `lang` exists, once the browser has listed its
/// voices. Some list them only after a moment and never say they have none: after two
/// seconds without a list the answer is no, and a list coming later still turns it to yes.
fn find_voice(lang: String, found: impl Fn(bool) + Clone + 'static) {
    LANG.with(|l| *l.borrow_mut() = lang.clone());
    let Some(synth) = web_sys::window().and_then(|w| w.speech_synthesis().ok()) else {
        found(false);
        return;
    };
    let has_voice = pick(&synth, &lang).is_some();
    // A browser that has listed its voices has listed them all.
    if has_voice || synth.get_voices().length() > 0 {
        found(has_voice);
        return;
    }
    let answered = std::rc::Rc::new(std::cell::Cell::new(false));
    let on_change = {
        let (synth, lang, found, answered) = (synth.clone(), lang.clone(), found.clone(), answered.clone());
        Closure::<dyn Fn()>::new(move || {
            if pick(&synth, &lang).is_some() {
                answered.set(true);
                found(true);
            }
        })
    };
    synth.set_onvoiceschanged(Some(on_change.as_ref().unchecked_ref()));
    on_change.forget();
    leptos::prelude::set_timeout(
        move || {
            if !answered.get() {
                found(false);
            }
        },
        std::time::Duration::from_millis(2_000),
    );
}

fn pieces() -> Vec<Piece> {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return Vec::new() };
    let Ok(regions) = document.query_selector_all(&format!("[{READABLE}]")) else { return Vec::new() };
    let mut pieces = Vec::new();
    for i in 0..regions.length() {
        let Some(region) = regions.item(i).and_then(|n| n.dyn_into::<Element>().ok()) else { continue };
        let mut blocks: Vec<Element> = Vec::new();
        if let Ok(list) = region.query_selector_all(BLOCKS) {
            for j in 0..list.length() {
                let Some(block) = list.item(j).and_then(|n| n.dyn_into::<Element>().ok()) else { continue };
                // The innermost blocks only, so nothing is read twice.
                if block.query_selector(BLOCKS).ok().flatten().is_none() {
                    blocks.push(block);
                }
            }
        }
        if blocks.is_empty() {
            blocks.push(region);
        }
        for block in blocks {
            let text = block.text_content().unwrap_or_default();
            for (start, end, sentence) in sentences(&text) {
                pieces.push(Piece { element: block.clone(), start, end, text: sentence });
            }
        }
    }
    pieces
}

/// Starts reading the page from the top; false when there is nothing to read or no voice.
fn start(rate: f32, finished: impl Fn() + 'static) -> bool {
    stop();
    let lang = LANG.with(|l| l.borrow().clone());
    let Some(speaker) = Speaker::browser(&lang) else { return false };
    let pieces = pieces();
    if pieces.is_empty() {
        return false;
    }
    READER.with(|r| {
        let run = r.borrow().as_ref().map(|reader| reader.run + 1).unwrap_or(1);
        *r.borrow_mut() = Some(Reader { speaker, pieces, next: 0, rate, run, finished: Some(Box::new(finished)) });
    });
    speak_next();
    true
}

fn speak_next() {
    READER.with(|r| {
        let mut guard = r.borrow_mut();
        let Some(reader) = guard.as_mut() else { return };
        let Some(piece) = reader.pieces.get(reader.next) else {
            clear_highlight();
            if let Some(finished) = reader.finished.take() {
                drop(guard);
                finished();
            }
            return;
        };
        reader.next += 1;
        highlight(piece);
        let run = reader.run;
        reader.speaker.say(&piece.text, reader.rate, move || {
            let current = READER.with(|r| r.borrow().as_ref().map(|reader| reader.run));
            if current == Some(run) {
                speak_next();
            }
        });
    });
}

fn pause() {
    READER.with(|r| {
        if let Some(reader) = r.borrow().as_ref() {
            reader.speaker.pause();
        }
    });
}

fn resume() {
    READER.with(|r| {
        if let Some(reader) = r.borrow().as_ref() {
            reader.speaker.resume();
        }
    });
}

fn stop() {
    READER.with(|r| {
        if let Some(reader) = r.borrow_mut().as_mut() {
            reader.run += 1;
            reader.finished = None;
            reader.speaker.cancel();
        }
    });
    clear_highlight();
}

/// Applies from the next sentence on.
fn set_rate(rate: f32) {
    READER.with(|r| {
        if let Some(reader) = r.borrow_mut().as_mut() {
            reader.rate = rate;
        }
    });
}

fn clear_highlight() {
    if let Some(document) = web_sys::window().and_then(|w| w.document()) {
        if let Ok(list) = document.query_selector_all(&format!(".{READING_CLASS}")) {
            for i in 0..list.length() {
                if let Some(el) = list.item(i).and_then(|n| n.dyn_into::<Element>().ok()) {
                    let _ = el.class_list().remove_1(READING_CLASS);
                }
            }
        }
    }
    if let Some(registry) = highlights() {
        call_method(&registry, "delete", &js_sys::Array::of1(&HIGHLIGHT.into()));
    }
}

/// Calls `target[name](...arguments)`, where the browser has it.
fn call_method(target: &JsValue, name: &str, arguments: &js_sys::Array) {
    if let Ok(method) = js_sys::Reflect::get(target, &name.into()) {
        let method: js_sys::Function<fn() -> JsValue> = method.unchecked_into();
        let _ = js_sys::Reflect::apply(&method, target, arguments);
    }
}

/// The block being read is marked (every browser), and where the CSS Custom Highlight
/// API exists, the sentence itself.
fn highlight(piece: &Piece) {
    clear_highlight();
    let _ = piece.element.class_list().add_1(READING_CLASS);
    let options = web_sys::ScrollIntoViewOptions::new();
    options.set_block(web_sys::ScrollLogicalPosition::Nearest);
    piece.element.scroll_into_view_with_scroll_into_view_options(&options);
    let (Some(registry), Some(range)) = (highlights(), range_of(piece)) else { return };
    let Ok(constructor) = js_sys::Reflect::get(&js_sys::global(), &"Highlight".into()) else { return };
    let constructor: js_sys::Function<fn() -> JsValue> = constructor.unchecked_into();
    let Ok(highlight) = js_sys::Reflect::construct(&constructor, &js_sys::Array::of1(&range)) else { return };
    call_method(&registry, "set", &js_sys::Array::of2(&HIGHLIGHT.into(), &highlight));
}

/// `CSS.highlights`, where the browser has it.
fn highlights() -> Option<JsValue> {
    let css = js_sys::Reflect::get(&js_sys::global(), &"CSS".into()).ok()?;
    let registry = js_sys::Reflect::get(&css, &"highlights".into()).ok()?;
    (!registry.is_undefined() && !registry.is_null()).then_some(registry)
}

/// A DOM range over the piece's sentence, found by walking its element's text nodes.
fn range_of(piece: &Piece) -> Option<web_sys::Range> {
    let document = web_sys::window()?.document()?;
    let walker = document.create_tree_walker_with_what_to_show(&piece.element, 4).ok()?;
    let range = document.create_range().ok()?;
    let (mut seen, mut started) = (0usize, false);
    while let Ok(Some(node)) = walker.next_node() {
        let length = js_sys::JsString::from(node.text_content().unwrap_or_default()).length() as usize;
        if !started && piece.start < seen + length {
            range.set_start(&node, (piece.start - seen) as u32).ok()?;
            started = true;
        }
        if started && piece.end <= seen + length {
            range.set_end(&node, (piece.end - seen) as u32).ok()?;
            return Some(range);
        }
        seen += length;
    }
    None
}
