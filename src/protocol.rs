//! The wire format between the content script and the engine, wherever the engine
//! runs (in the page's content script, or in the extension's service worker).
//!
//! Every request and response is plain JSON-compatible data with a `v` field equal to
//! [`PROTOCOL_VERSION`]; calls are adjacently tagged (`{"v":1,"type":"decide","arg":…}`)
//! so JavaScript can switch on `.type`. Text offsets cross this boundary in UTF-16 code
//! units, the unit of JavaScript strings.

use crate::profile::RawPost;
use crate::recognize::{MetricKind, TextContext};
use crate::score::{Badge, Observation};
use serde::{Deserialize, Serialize};

/// Bump on any change to the types below that an older reader would misread (a renamed or
/// retyped field, a changed meaning); a content script that sees another version goes
/// dormant rather than misreading answers. Added fields and calls need no bump: the
/// engine and the content script ship in one package, and both ignore what they do not
/// know.
pub const PROTOCOL_VERSION: u32 = 1;

/// The longest text the engine reads of a candidate, in bytes; a longer one is read up
/// to the last space before this. Labels and tab titles are a few dozen characters, and
/// a page must not hand the one shared worker 100 KB at a time to read (the content
/// script already sends at most [`MAX_TEXT_UNITS`]; this bound holds whatever it sends).
pub const MAX_TEXT_BYTES: usize = 8 * 1024;
/// The longest text the content script sends, in UTF-16 units (at most three bytes of
/// UTF-8 each, so within [`MAX_TEXT_BYTES`]). Mirrored in `extension/content.js`,
/// checked by the protocol's unit tests.
pub const MAX_TEXT_UNITS: usize = 2000;
const _: () = assert!(MAX_TEXT_UNITS * 3 <= MAX_TEXT_BYTES);

/// A call to the engine.
#[derive(Clone, Debug, Deserialize)]
#[serde(try_from = "WireRequest")]
pub struct Request {
    pub v: u32,
    pub call: Call,
}

/// The calls the content script makes. (Scoring ready-made posts, [`crate::Engine::score`],
/// is for the command line and has no call: nothing in the extension sends one, and its
/// reader would only weigh on the wasm.)
#[derive(Clone, Debug)]
pub enum Call {
    /// Once per page load and per navigation: what to do on this URL.
    PagePlan { url: String },
    /// A batch of texts the content script could not settle with CSS alone.
    Decide { items: Vec<Candidate> },
    /// The badge for a profile page: the posts as the content script read them, and what
    /// was remembered of this profile (the stored observation, if memory is on).
    Profile {
        url: String,
        posts: Vec<RawPost>,
        memory: Option<serde_json::Value>,
    },
}

/// A request as it arrives: the `arg` is read once `type` says what it is. (serde's
/// `flatten` and adjacently tagged enums would buffer every request in a generic tree
/// first, and that code alone is a tenth of the engine's wasm.)
#[derive(Deserialize)]
struct WireRequest {
    v: u32,
    #[serde(rename = "type")]
    kind: String,
    #[serde(default)]
    arg: serde_json::Value,
}

#[derive(Deserialize)]
struct UrlArg {
    url: String,
}

#[derive(Deserialize)]
struct DecideArg {
    items: Vec<Candidate>,
}

#[derive(Deserialize)]
struct ProfileArg {
    url: String,
    posts: Vec<RawPost>,
    #[serde(default)]
    memory: Option<serde_json::Value>,
}

impl TryFrom<WireRequest> for Request {
    type Error = String;

    fn try_from(wire: WireRequest) -> Result<Request, String> {
        #[inline(never)] // One reader per call type (see `Engine::handle`).
        fn arg<T: serde::de::DeserializeOwned>(value: serde_json::Value) -> Result<T, String> {
            serde_json::from_value(value).map_err(|error| format!("arg: {error}"))
        }
        let call = match wire.kind.as_str() {
            "page-plan" => Call::PagePlan {
                url: arg::<UrlArg>(wire.arg)?.url,
            },
            "decide" => Call::Decide {
                items: arg::<DecideArg>(wire.arg)?.items,
            },
            "profile" => {
                let ProfileArg { url, posts, memory } = arg(wire.arg)?;
                Call::Profile { url, posts, memory }
            }
            other => return Err(format!("unknown request type \"{other}\"")),
        };
        Ok(Request { v: wire.v, call })
    }
}

/// A request or an answer that could not cross the boundary as JSON text.
#[derive(Debug, thiserror::Error)]
pub enum ProtocolError {
    /// The caller sent something that is not a protocol request: its message is for the
    /// console, and the caller should not send it again.
    #[error("bad request: {0}")]
    BadRequest(serde_json::Error),
    /// An answer serde_json could not write (none of ours can fail; said rather than
    /// panicked, since a panic takes the whole engine down).
    #[error("could not write the answer: {0}")]
    Write(serde_json::Error),
}

/// Reads a request from its JSON text: what each boundary (src/web/engine, src/web/sync) is
/// handed.
// A function of its own: the browser compiles wasm functions on first use (see
// `Engine::handle`). Through a generic tree, as `arg` and the settings are read anyway: a
// second reader straight from text would cost the wasm 4 KB, for error positions in a
// one-line string that nobody reads.
#[inline(never)]
pub fn read_request(text: &str) -> Result<Request, ProtocolError> {
    serde_json::from_str(text)
        .and_then(serde_json::from_value)
        .map_err(ProtocolError::BadRequest)
}

/// A response as JSON text.
pub fn write_response(response: &Response) -> Result<String, ProtocolError> {
    serde_json::to_string(response).map_err(ProtocolError::Write)
}

/// A text to decide, as the content script read it.
#[derive(Clone, Debug, Deserialize)]
pub struct Candidate {
    /// The content script's handle for the element; echoed back.
    pub id: u32,
    pub text: String,
    pub context: TextContext,
    /// For a swept text that is a bare number: the `aria-label` or `title` of the control
    /// around it, which may name the metric (`recognize::bare_count`).
    #[serde(default)]
    pub hint: Option<String>,
}

/// An answer from the engine: `{"v":1,"type":…,"arg":…}`.
#[derive(Clone, Debug)]
pub struct Response {
    pub v: u32,
    pub answer: Answer,
}

/// Written one answer type at a time, each by a function of its own: the browser compiles
/// wasm functions on first use, so a tab's first answer compiles the writer of that answer
/// only (and serde's `flatten` would go through its generic map machinery).
impl Serialize for Response {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match &self.answer {
            Answer::PagePlan(plan) => tagged(serializer, self.v, "page-plan", plan),
            Answer::Decisions(decisions) => tagged(serializer, self.v, "decisions", decisions),
            Answer::Profile(profile) => tagged(serializer, self.v, "profile", profile),
            Answer::Error { message } => tagged(serializer, self.v, "error", &ErrorArg { message }),
        }
    }
}

#[inline(never)]
fn tagged<S: serde::Serializer, T: Serialize>(
    serializer: S,
    v: u32,
    kind: &'static str,
    arg: &T,
) -> Result<S::Ok, S::Error> {
    use serde::ser::SerializeStruct;
    let mut out = serializer.serialize_struct("Response", 3)?;
    out.serialize_field("v", &v)?;
    out.serialize_field("type", kind)?;
    out.serialize_field("arg", arg)?;
    out.end()
}

#[derive(Serialize)]
struct ErrorArg<'m> {
    message: &'m str,
}

#[derive(Clone, Debug)]
pub enum Answer {
    PagePlan(PagePlan),
    /// Only the candidates that change; the rest are kept as they are.
    Decisions(Vec<Decision>),
    Profile(ProfileAnswer),
    /// The request could not be served; the message is for the log and the popup.
    Error {
        message: String,
    },
}

/// What the content script does on one page.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PagePlan {
    /// The site id, when Sincerely has rules for this page.
    pub site: Option<String>,
    /// False when nothing should happen here; `reason` says why.
    pub active: bool,
    pub reason: Option<String>,
    /// The value of `<html data-sincerely>`: see [`crate::css`].
    pub root_tokens: String,
    /// One selector list for the elements the site's stylesheet hides: the content script
    /// counts the ones holding a number for the popup ("" for none). Merged (see
    /// `selector::merged_list`): it is queried in every added subtree.
    pub metrics: String,
    /// Custom elements whose open shadow roots draw counts (see [`crate::css::shadow_css`]).
    pub shadow: Vec<ShadowPlan>,
    /// One selector list for the containers whose text goes to `decide` ("" for none),
    /// merged as `metrics` is.
    pub candidates: String,
    /// Post text, never read or rewritten ("" for none).
    pub prose: String,
    /// Where to observe additions; empty means `document.body`.
    pub observe: Vec<String>,
    /// Whether to read the tab title for an unread counter.
    pub title_counter: bool,
    /// No site rules: the recognizer reads all visible text (the user's generic mode).
    pub generic: bool,
    /// The sweep under the rules (a supported site): every short text with a digit outside
    /// `sweep_skip` goes to `decide` with the `sweep` context, whatever element holds it.
    pub sweep: bool,
    /// Where the sweep never looks: post text, what the rules already decide or hide, and
    /// what belongs to the user (editable fields, code). One merged selector list.
    pub sweep_skip: String,
    /// How to find a profile and its posts, when the badge is on.
    pub profile: Option<ProfilePlan>,
}

/// What to do with the shadow root of each element matching `host`.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ShadowPlan {
    pub host: String,
    /// The sheet to put into its shadow root; the same whatever the settings.
    pub css: String,
    /// Inside the shadow root: the hidden counts, for the popup's figure ("" for none).
    pub metrics: String,
}

/// How to read the profile on this page (see [`crate::sites::ProfileRules`]).
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ProfilePlan {
    /// Whose profile this is (lower case), and the memory key `profile:<site>:<handle>`.
    pub handle: String,
    pub key: String,
    pub header: String,
    pub post: String,
    pub post_text: String,
    pub post_author: String,
    pub repost_marker: String,
    pub permalink: String,
    pub time: String,
    pub reply_marker: String,
    pub reply_to: String,
    /// Whether to remember this profile across visits.
    pub memory: bool,
    /// The most posts to send, the newest ones: the observation remembers this many
    /// (`score::MAX_SEEN_POSTS`), so posts sent again are recognised and never recounted.
    pub max_posts: usize,
}

/// The badge of one profile, and what to remember of it.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ProfileAnswer {
    pub handle: String,
    pub badge: Badge,
    /// The observation to store under the plan's key (memory on), without any post text.
    pub observation: Option<Observation>,
    /// Why the stored observation was not used (corrupt, or another version).
    pub memory_error: Option<String>,
}

/// The change to one candidate's text.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Decision {
    pub id: u32,
    pub kinds: Vec<MetricKind>,
    pub edits: Vec<TextEdit>,
}

/// Replace UTF-16 units `start..end` of the candidate's text with `text`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct TextEdit {
    pub start: u32,
    pub end: u32,
    pub text: String,
}

/// The UTF-16 offset of byte offset `byte` in `text`.
pub fn utf16_offset(text: &str, byte: usize) -> u32 {
    text[..byte].encode_utf16().count() as u32
}

#[cfg(test)]
#[path = "../tests/unit/protocol.rs"]
mod unit_tests;
