//! Sincerely's engine: hides vanity numbers on social sites and scores how people
//! converse, entirely on the user's machine.
//!
//! The core is plain Rust that never sees the DOM: the [`recognize`]r finds counts in
//! text, [`sites`] hold what we know of each site, [`score`] is the conversation model,
//! [`settings`] the user's choices and [`protocol`] the wire format. Check the [`Engine`]
//! documentation to get started. This crate has no browser dependency: the browser glue is
//! in the thin crates under `src/web/` (the engine's wasm-bindgen class, the same engine
//! behind a C ABI for wasm2js, the popup, the playground).

mod case;
pub mod css;
mod engine;
pub mod export;
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
