//! Målbild: draw the nuläge → övergång → målbild picture that Swedish regions and
//! municipalities use to steer the shift to Nära vård.
//!
//! Data flows one way: input → [`ui`] emits [`edit::Command`]s → [`edit::apply`] changes the
//! [`model::Document`] → [`scene`] paints it → screen (or export).

// No unwrap or expect on anything a file, the clipboard or a user can make: errors are
// handled once, with a message. (Tests may unwrap.)
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used))]

// Where bytes and values from files, the clipboard and the command line are read and
// checked, no indexing that could panic either: `get` and its kin, with an answer for
// what is not there. (The painters and the rasterizer index buffers they sized themselves.)
#[cfg_attr(not(test), deny(clippy::indexing_slicing))]
pub mod assets;
#[cfg_attr(not(test), deny(clippy::indexing_slicing))]
pub mod base64;
#[cfg_attr(not(test), deny(clippy::indexing_slicing))]
pub mod cli;
pub mod edit;
pub mod export;
#[cfg_attr(not(test), deny(clippy::indexing_slicing))]
pub mod i18n;
#[cfg_attr(not(test), deny(clippy::indexing_slicing))]
pub mod instance;
pub mod io;
pub mod lang;
pub mod model;
pub mod picture;
pub mod recent;
pub mod recovery;
pub mod scene;
pub mod settings;
pub mod spatial;
pub mod templates;
pub mod ui;
