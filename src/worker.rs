//! The solver's Web Worker (Trunk builds it beside the app, see index.html): it listens for
//! solve requests from the page and answers each with `ui::vm::plan::worker::answer`, and
//! requests about capacity (where to add sessions, the value of a seat, what would fix each
//! unmet need, with its progress) with `ui::vm::plan::capacity::answer`, so the page never runs
//! the solver and stays responsive. It says `ready` once it listens.

use qudra::ui::vm::plan::capacity::{self, CapacityRequest};
use qudra::ui::vm::plan::worker::{answer, WorkerReply};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

fn main() {
    console_error_panic_hook::set_once();
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let port = scope.clone();
    let send = move |reply: &WorkerReply| {
        // A page that has gone away cannot be told: nothing else to do.
        let _ = port.post_message(&JsValue::from_str(&reply.encode()));
    };
    let listen = send.clone();
    let listen_port = scope.clone();
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
        let request = event.data().as_string().unwrap_or_default();
        match CapacityRequest::decode(&request) {
            Some(request) => capacity::answer(request, js_sys::Date::now, |reply| {
                // As above: a page that has gone away cannot be told.
                let _ = listen_port.post_message(&JsValue::from_str(&reply.encode()));
            }),
            None => answer(&request, js_sys::Date::now, &listen),
        }
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // The worker lives as long as the page keeps it; so does its listener.
    on_message.forget();
    send(&WorkerReply::Ready);
}
