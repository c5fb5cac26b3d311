//! The engine behind a plain C ABI, without wasm-bindgen: the build that `cargo xtask
//! dist` turns into JavaScript with binaryen's wasm2js, for the content script on pages
//! whose CSP refuses WebAssembly in Chrome (x.com, github.com, news.ycombinator.com). There
//! the engine can then answer within the frame, synchronously, as it does in-page
//! elsewhere. (wasm2js refuses wasm-bindgen's module: it has a second table, for
//! `externref`s.) Besides `src/web/engine`, this is the only place that knows the boundary.
//!
//! Everything crosses as UTF-8 JSON text in the module's linear memory, the same requests
//! and answers as the wasm-bindgen `Engine` (see [`sincerely::protocol`]):
//!
//! ```text
//! alloc(len) -> ptr               room for `len` bytes, which the caller fills
//! dealloc(ptr, len)               frees what alloc or engine_handle returned
//! engine_new(ptr, len) -> engine  settings as JSON text (any value: bad fields default)
//! engine_free(engine)
//! engine_handle(engine, ptr, len) -> out
//!     the request as JSON text; `out` points at a little-endian u32 length n, a u32 that
//!     is 1 when the n bytes after it are the answer and 0 when they are an error message;
//!     free it with dealloc(out, 8 + n)
//! ```
//!
//! The caller frees its own input buffers. A Rust panic aborts (the release build's
//! `panic = "abort"`): a trap, after which the instance must not be used again.

use sincerely::settings::Settings;
use sincerely::Engine;

/// The header before each answer: its length, then whether it is an answer (1) or an error.
const HEADER: usize = 8;

/// Room for `len` bytes.
#[no_mangle]
pub extern "C" fn alloc(len: usize) -> *mut u8 {
    // `with_capacity` allocates exactly `len` bytes, which `dealloc` relies on.
    let mut buffer = std::mem::ManuallyDrop::new(Vec::<u8>::with_capacity(len));
    buffer.as_mut_ptr()
}

/// Frees `len` bytes at `ptr`, from [`alloc`] or [`engine_handle`].
///
/// # Safety
/// `ptr` and `len` must be what one of them gave, freed once.
#[no_mangle]
pub unsafe extern "C" fn dealloc(ptr: *mut u8, len: usize) {
    drop(Vec::from_raw_parts(ptr, 0, len));
}

/// # Safety
/// `ptr..ptr + len` must be readable.
unsafe fn text<'a>(ptr: *const u8, len: usize) -> Result<&'a str, &'static str> {
    std::str::from_utf8(std::slice::from_raw_parts(ptr, len)).map_err(|_| "bad request: not UTF-8")
}

/// Builds an engine from stored settings as JSON text.
///
/// # Safety
/// `ptr..ptr + len` must be readable.
#[no_mangle]
pub unsafe extern "C" fn engine_new(ptr: *const u8, len: usize) -> *mut Engine {
    let value = text(ptr, len)
        .ok()
        .and_then(|text| serde_json::from_str(text).ok())
        .unwrap_or(serde_json::Value::Null);
    // The warnings are not reported on this path: the popup and the worker read the same
    // settings and say so.
    let (settings, _warnings) = Settings::from_json_value(&value);
    Box::into_raw(Box::new(Engine::new(settings)))
}

/// # Safety
/// `engine` must come from [`engine_new`], freed once.
#[no_mangle]
pub unsafe extern "C" fn engine_free(engine: *mut Engine) {
    drop(Box::from_raw(engine));
}

/// Serves one request; see the module doc for the answer's layout.
///
/// # Safety
/// `engine` must come from [`engine_new`]; `ptr..ptr + len` must be readable.
#[no_mangle]
pub unsafe extern "C" fn engine_handle(
    engine: *const Engine,
    ptr: *const u8,
    len: usize,
) -> *mut u8 {
    let answer = match text(ptr, len) {
        Ok(request) => {
            #[cfg(feature = "fault-injection")]
            sincerely::fault::panic_on_marker(request);
            (*engine)
                .handle_json(request)
                .map_err(|error| error.to_string())
        }
        Err(message) => Err(message.to_string()),
    };
    let (ok, body) = match answer {
        Ok(body) => (1u32, body),
        Err(message) => (0u32, message),
    };
    let mut out = Vec::with_capacity(HEADER + body.len());
    out.extend_from_slice(&(body.len() as u32).to_le_bytes());
    out.extend_from_slice(&ok.to_le_bytes());
    out.extend_from_slice(body.as_bytes());
    // Exactly HEADER + n bytes of capacity, as `dealloc` will be told.
    std::mem::ManuallyDrop::new(out).as_mut_ptr()
}
