//! Målbild: draw the nuläge → övergång → målbild picture that Swedish regions and
//! municipalities use to steer the shift to Nära vård.
//!
//! Data flows one way: input → [`ui`] emits [`edit::Command`]s → [`edit::apply`] changes the
//! [`model::Document`] → [`scene`] paints it → screen (or export).

pub mod bench;
pub mod cli;
pub mod edit;
pub mod export;
pub mod i18n;
pub mod io;
pub mod model;
pub mod scene;
pub mod spatial;
pub mod ui;
