//! The browser's facilities the office's screens use, bound directly (a few
//! lines each, so the shared `web-sys` build keeps the applicant's features):
//! `fetch`, `EventSource`, speech, a chime, and the camera's QR reader.

use js_sys::{Array, Function, Object, Promise, Reflect};
use serde::{de::DeserializeOwned, Serialize};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

use crate::api::StaffError;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_name = fetch)]
    fn fetch_with(url: &str, init: &Object) -> Promise;

    /// A `fetch` answer.
    #[derive(Debug)]
    pub type FetchAnswer;
    #[wasm_bindgen(method, getter)]
    fn status(this: &FetchAnswer) -> u16;
    #[wasm_bindgen(method)]
    fn text(this: &FetchAnswer) -> Promise;

    /// A server-sent event stream; the browser reconnects by itself.
    #[derive(Debug)]
    pub type EventSource;
    #[wasm_bindgen(constructor, catch)]
    pub fn new(url: &str) -> Result<EventSource, JsValue>;
    #[wasm_bindgen(method, js_name = addEventListener)]
    pub fn listen(this: &EventSource, kind: &str, f: &Function);
    #[wasm_bindgen(method)]
    pub fn close(this: &EventSource);

    #[wasm_bindgen(js_name = SpeechSynthesisUtterance)]
    type Utterance;
    #[wasm_bindgen(constructor, catch, js_class = "SpeechSynthesisUtterance")]
    fn new(text: &str) -> Result<Utterance, JsValue>;

    /// A reader of QR codes (`BarcodeDetector`, where the browser has one).
    #[derive(Debug, Clone)]
    pub type BarcodeDetector;
    #[wasm_bindgen(constructor, catch)]
    fn new(options: &Object) -> Result<BarcodeDetector, JsValue>;
    #[wasm_bindgen(method)]
    fn detect(this: &BarcodeDetector, source: &JsValue) -> Promise;
}

fn set(target: &JsValue, key: &str, value: &JsValue) {
    let _ = Reflect::set(target, &JsValue::from_str(key), value);
}

fn get(target: &JsValue, key: &str) -> JsValue {
    Reflect::get(target, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

fn global() -> JsValue {
    js_sys::global().into()
}

/// Calls method `name` of `target` with `args`.
fn call(target: &JsValue, name: &str, args: &[JsValue]) -> Result<JsValue, JsValue> {
    let f: Function = get(target, name).dyn_into()?;
    f.apply(target, &args.iter().collect::<Array>())
}

/// `POST /api/NAME` with `body` as JSON; the answer read as `T`, or the
/// staff API's error (`Internal` when the server cannot be reached).
pub async fn post<B: Serialize, T: DeserializeOwned>(
    name: &str,
    body: &B,
) -> Result<T, StaffError> {
    let json = serde_json::to_string(body).map_err(|_| StaffError::Internal)?;
    let init = Object::new();
    set(&init, "method", &"POST".into());
    set(&init, "body", &json.into());
    set(&init, "credentials", &"same-origin".into());
    let headers = Object::new();
    set(&headers, "content-type", &"application/json".into());
    set(&init, "headers", &headers);
    let answer: FetchAnswer = JsFuture::from(fetch_with(&format!("/api/{name}"), &init))
        .await
        .map_err(|_| StaffError::Internal)?
        .unchecked_into();
    let status = answer.status();
    let text = JsFuture::from(answer.text())
        .await
        .ok()
        .and_then(|t| t.as_string())
        .unwrap_or_default();
    if (200..300).contains(&status) {
        serde_json::from_str(&text).map_err(|_| StaffError::Internal)
    } else {
        Err(serde_json::from_str(&text).unwrap_or(StaffError::Internal))
    }
}

/// The `data` of a message event.
pub fn event_data(event: &JsValue) -> Option<String> {
    get(event, "data").as_string()
}

/// Says `text` in Ukrainian where the browser has a Ukrainian voice, then
/// calls `done` (at once where it has none).
pub fn speak_uk(text: &str, done: Function) {
    let synth = get(&global(), "speechSynthesis");
    let voices = call(&synth, "getVoices", &[])
        .ok()
        .map(|v| Array::from(&v))
        .unwrap_or_default();
    let voice = voices.iter().find(|v| {
        get(v, "lang")
            .as_string()
            .is_some_and(|l| l.starts_with("uk"))
    });
    let (Some(voice), Ok(utterance)) = (voice, Utterance::new(text)) else {
        let _ = done.call0(&JsValue::NULL);
        return;
    };
    set(&utterance, "voice", &voice);
    set(&utterance, "lang", &"uk-UA".into());
    set(&utterance, "onend", &done);
    set(&utterance, "onerror", &done);
    let _ = call(&synth, "speak", &[utterance.into()]);
}

/// The page's audio context, made once (a browser lets it sound only after
/// a tap on the page, or with its autoplay policy relaxed for a board).
fn audio() -> Option<JsValue> {
    thread_local! {
        static AUDIO: std::cell::OnceCell<Option<JsValue>> = const { std::cell::OnceCell::new() };
    }
    AUDIO.with(|kept| {
        kept.get_or_init(|| {
            let class: Function = get(&global(), "AudioContext").dyn_into().ok()?;
            Reflect::construct(&class, &Array::new()).ok()
        })
        .clone()
    })
}

/// Lets the board's sound play (called from a tap).
pub fn unlock_audio() {
    if let Some(context) = audio() {
        let _ = call(&context, "resume", &[]);
    }
}

/// Whether sound may play without a tap first.
pub fn audio_running() -> bool {
    audio().is_some_and(|c| get(&c, "state").as_string().as_deref() == Some("running"))
}

/// Two soft tones, 0.6 s in all: a call has come.
pub fn chime() {
    let Some(context) = audio() else { return };
    let now = get(&context, "currentTime").as_f64().unwrap_or(0.0);
    let out = get(&context, "destination");
    for (i, hz) in [880.0, 660.0].into_iter().enumerate() {
        let start = now + 0.3 * i as f64;
        let (Ok(tone), Ok(gain)) = (
            call(&context, "createOscillator", &[]),
            call(&context, "createGain", &[]),
        ) else {
            return;
        };
        set(&get(&tone, "frequency"), "value", &hz.into());
        let level = get(&gain, "gain");
        let _ = call(&level, "setValueAtTime", &[0.25.into(), start.into()]);
        let _ = call(
            &level,
            "exponentialRampToValueAtTime",
            &[0.001.into(), (start + 0.28).into()],
        );
        let _ = call(&tone, "connect", std::slice::from_ref(&gain));
        let _ = call(&gain, "connect", std::slice::from_ref(&out));
        let _ = call(&tone, "start", &[start.into()]);
        let _ = call(&tone, "stop", &[(start + 0.3).into()]);
    }
}

/// A QR reader, where the browser has one.
pub fn qr_reader() -> Option<BarcodeDetector> {
    get(&global(), "BarcodeDetector")
        .dyn_into::<Function>()
        .ok()?;
    let options = Object::new();
    set(&options, "formats", &Array::of1(&"qr_code".into()));
    BarcodeDetector::new(&options).ok()
}

/// The back camera's stream, once the applicant allows it.
pub async fn camera() -> Option<JsValue> {
    let devices = get(&get(&global(), "navigator"), "mediaDevices");
    let video = Object::new();
    set(&video, "facingMode", &"environment".into());
    let constraints = Object::new();
    set(&constraints, "video", &video);
    let promise: Promise = call(&devices, "getUserMedia", &[constraints.into()])
        .ok()?
        .dyn_into()
        .ok()?;
    JsFuture::from(promise).await.ok()
}

/// Shows `stream` in the video element `video` (an `HtmlElement`).
pub fn show_stream(video: &JsValue, stream: &JsValue) {
    set(video, "srcObject", stream);
    set(video, "muted", &true.into());
    let _ = call(video, "play", &[]);
}

/// Stops every track of `stream`: the camera's light goes off.
pub fn stop_stream(stream: &JsValue) {
    if let Ok(tracks) = call(stream, "getTracks", &[]) {
        for track in Array::from(&tracks).iter() {
            let _ = call(&track, "stop", &[]);
        }
    }
}

/// The text of the first QR code `reader` sees in `video` now, if any.
pub async fn read_qr(reader: &BarcodeDetector, video: &JsValue) -> Option<String> {
    let found = JsFuture::from(reader.detect(video)).await.ok()?;
    let first = Array::from(&found).get(0);
    get(&first, "rawValue").as_string()
}
