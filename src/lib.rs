//! Sincerely's engine: hides vanity numbers on social sites and scores how people
//! converse, entirely on the user's machine.
//!
//! The core is plain Rust that never sees the DOM: the [`recognize`]r finds counts in
//! text, [`sites`] hold what we know of each site, [`score`] is the conversation model,
//! [`settings`] the user's choices and [`protocol`] the wire format. Check the [`Engine`]
//! documentation to get started. The browser glue lives in `src/wasm/`, compiled only for
//! `wasm32`, or, for a build that wasm2js turns into JavaScript, in `src/c_abi.rs`.

mod case;
pub mod css;
mod engine;
pub mod export;
#[cfg(feature = "fault-injection")]
#[doc(hidden)]
pub mod fault;
pub mod profile;
pub mod protocol;
pub mod recognize;
pub mod score;
mod selector;
pub mod settings;
pub mod sites;
mod small_sort;
mod word_list;

#[doc(inline)]
pub use engine::Engine;
#[doc(inline)]
pub use settings::Settings;

// The wasm build has one boundary or the other: wasm-bindgen's (src/wasm/), or the plain
// C ABI that wasm2js can turn into JavaScript (src/c_abi.rs, feature `c-abi`).
#[cfg(all(target_arch = "wasm32", feature = "c-abi"))]
mod c_abi;
#[cfg(all(target_arch = "wasm32", not(feature = "c-abi")))]
mod wasm;
/// The wasm exports, for the wasm-bindgen tests.
#[cfg(all(target_arch = "wasm32", not(feature = "c-abi")))]
#[doc(hidden)]
pub mod wasm_api {
    pub use crate::wasm::engine::WasmEngine as Engine;
}
