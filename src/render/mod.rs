//! Render: one list description written into a live element (the web layer) or into an HTML string (the CLI).

pub(crate) mod html;
pub mod sanitize;

pub use html::render_html;
