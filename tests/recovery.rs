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

/// Runs frames until `done` or about ten seconds of real time.
fn until(h: &mut egui_kittest::Harness<'_, App>, done: impl Fn(&App) -> bool) -> bool {
    for _ in 0..1000 {
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

/// One kill: the drill runs in `dir` and is killed with SIGKILL after `after`; returns the
/// edits made by then, the one the files on disk hold, and how many edits are allowed to be
/// missing (those of the last `delay` plus a margin for the write itself).
#[cfg(unix)]
fn kill_once(dir: &Path, after: Duration, delay_ms: u64) -> (u64, u64, u64) {
    use std::io::BufRead;
    use std::process::{Command, Stdio};
    use std::sync::{Arc, Mutex};
    use std::time::Instant;
    let _ = std::fs::remove_dir_all(dir);
    let _ = std::fs::create_dir_all(dir);
    let mut child = Command::new(env!("CARGO_BIN_EXE_malbild"))
        .args([
            "drill",
            &dir.display().to_string(),
            "--delay-ms",
            &delay_ms.to_string(),
        ])
        .stdout(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("{e}"));
    let start = Instant::now();
    let edits: Arc<Mutex<Vec<(u64, Instant)>>> = Arc::default();
    let saved: Arc<Mutex<Vec<u64>>> = Arc::default();
    let reader = child.stdout.take().map(|out| {
        let (edits, saved) = (edits.clone(), saved.clone());
        std::thread::spawn(move || {
            for line in std::io::BufReader::new(out).lines().map_while(Result::ok) {
                let mut parts = line.split(' ');
                let (what, k) = (parts.next(), parts.next().and_then(|k| k.parse().ok()));
                match (what, k) {
                    (Some("edit"), Some(k)) => edits
                        .lock()
                        .map(|mut e| e.push((k, Instant::now())))
                        .unwrap_or(()),
                    (Some("saved"), Some(k)) => saved.lock().map(|mut s| s.push(k)).unwrap_or(()),
                    _ => {}
                }
            }
        })
    });
    std::thread::sleep(after.saturating_sub(start.elapsed()));
    let killed_at = Instant::now();
    let _ = child.kill(); // SIGKILL
    let _ = child.wait();
    if let Some(r) = reader {
        let _ = r.join();
    }
    let edits = edits.lock().map(|e| e.clone()).unwrap_or_default();
    let saved = saved.lock().map(|s| s.clone()).unwrap_or_default();
    let made = edits.last().map_or(0, |e| e.0);
    // The user's file: never half-written; one of the saved versions (or the one being
    // written when it died, which the drill had not yet reported).
    let user = dir.join("user.malbild");
    let mut held = 0;
    if user.exists() {
        let doc = malbild::io::load(&user).unwrap_or_else(|e| panic!("user file broken: {e}"));
        let n = doc.document.card_count() as u64;
        assert!(
            n.is_multiple_of(100)
                && (saved.contains(&n) || n == saved.last().copied().unwrap_or(0) + 100),
            "{n} {saved:?}"
        );
        held = n;
    }
    // Recovery: whole, and the work it holds.
    let orphans = recovery::orphans(&dir.join("recovery"));
    assert!(orphans.len() <= 1);
    if let Some(o) = orphans.first() {
        let doc = o
            .load()
            .unwrap_or_else(|e| panic!("recovery file broken: {e}"));
        held = held.max(doc.card_count() as u64);
    }
    // Edits made before the kill minus the delay and a margin for writing must be there.
    let margin = Duration::from_millis(delay_ms + 250);
    let must = edits
        .iter()
        .filter(|(_, t)| *t + margin <= killed_at)
        .map(|(k, _)| *k)
        .max()
        .unwrap_or(0);
    assert!(held >= must, "held {held}, must {must}, made {made}");
    (made, held, must)
}

#[cfg(unix)]
fn kills(n: u64) {
    let dir = temp_dir("kills");
    let mut lost_max = 0;
    let mut lost_sum = 0;
    for i in 0..n {
        // Killed at different moments, between 0.1 and 1.5 s (a fixed sequence).
        let ms = 100 + (i * 7919) % 1400;
        let (made, held, _) = kill_once(&dir.join(i.to_string()), Duration::from_millis(ms), 150);
        let lost = made.saturating_sub(held);
        lost_max = lost_max.max(lost);
        lost_sum += lost;
        let _ = std::fs::remove_dir_all(dir.join(i.to_string()));
    }
    println!(
        "{n} kills: the user's file always whole; recovery lost at most {lost_max} edits (mean {:.1}) at an autosave delay of 150 ms",
        lost_sum as f64 / n as f64
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[cfg(unix)]
#[test]
fn killed_at_random_moments_the_work_is_whole_and_recovered() {
    kills(10);
}

/// The full run: `cargo test --test recovery -- --ignored` (.ci/run runs it).
#[cfg(unix)]
#[test]
#[ignore]
fn two_hundred_kills() {
    kills(200);
}

#[test]
fn the_version_a_save_replaces_is_kept_and_revert_goes_back_to_the_saved_file() {
    let dir = temp_dir("backup");
    let path = dir.join("workshop.malbild");
    let (mut h, desktop) = app_with_recovery(&dir.join("recovery"), Document::new());
    add_card(&mut h, "Första");
    desktop.answer(Some(path.clone()));
    key_mod(&mut h, Modifiers::COMMAND, Key::S);
    finish_saving(&mut h);
    let first = h.state().doc().clone();
    assert!(
        !malbild::io::backup_path(&path).exists(),
        "nothing was replaced yet"
    );
    add_card(&mut h, "Andra");
    key_mod(&mut h, Modifiers::COMMAND, Key::S);
    finish_saving(&mut h);
    let second = h.state().doc().clone();
    let backup = malbild::io::load(&malbild::io::backup_path(&path)).map(|l| l.document);
    assert_eq!(
        backup.ok().as_ref(),
        Some(&first),
        "the replaced version, beside it"
    );
    // Changes, then File → Revert to last saved: asked first, then the saved file is back.
    add_card(&mut h, "Tredje");
    assert!(h.state().is_dirty());
    h.get_by_label("Arkiv").click();
    h.run();
    h.get_by_label("Återgå till senast sparade").click();
    h.run();
    assert_eq!(
        h.state().modal_text().as_deref(),
        Some("Återgå till senast sparade")
    );
    h.get_by_label("Återgå").click();
    h.run();
    assert_eq!(h.state().doc(), &second);
    assert!(!h.state().is_dirty());
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn recent_files_are_listed_in_the_menu_and_on_the_start_screen_and_a_missing_one_says_so() {
    let dir = temp_dir("recent");
    let a = dir.join("region-norr.malbild");
    let gone = dir.join("borta.malbild");
    assert!(malbild::io::save(&a, &malbild::model::sample::nara_vard()).is_ok());
    assert!(malbild::io::save(&gone, &Document::new()).is_ok());
    let desktop = ScriptedDesktop::default();
    let mut app = App::new(Document::new(), None, Box::new(desktop.clone()));
    app.enable_recent(dir.join("recent.json"));
    let mut h = harness_with(app);
    for p in [&gone, &a] {
        desktop.answer(Some(p.to_path_buf()));
        key_mod(&mut h, Modifiers::COMMAND, Key::O);
        h.run();
    }
    assert_eq!(h.state().recent.files.first(), Some(&a));
    let _ = std::fs::remove_file(&gone);
    // The list is kept (written on a thread) and read again by the next window.
    let list = dir.join("recent.json");
    assert!(until(&mut h, |_| malbild::recent::Recent::load(&list)
        .files
        .len()
        == 2));
    drop(h);
    let mut app = App::new(Document::new(), None, Box::new(ScriptedDesktop::default()));
    app.enable_recent(list.clone());
    app.show_start();
    let mut h = harness_with(app);
    assert_eq!(
        h.state().modal_text().as_deref(),
        Some("Välkommen till Målbild")
    );
    assert!(
        h.query_by_label("borta.malbild (saknas)").is_some(),
        "missing, said"
    );
    h.get_by_label("region-norr.malbild").click();
    h.run();
    assert_eq!(h.state().modal_text(), None);
    assert_eq!(h.state().path.as_deref(), Some(a.as_path()));
    assert_eq!(h.state().doc().card_count(), 15);
    // The menu: the missing file can be taken out of the list.
    h.get_by_label("Arkiv").click();
    h.run();
    h.get_by_label("Senaste filer").click();
    h.run();
    h.get_by_label("Ta bort ur listan").click();
    h.run();
    assert_eq!(h.state().recent.files, vec![a.clone()]);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_failed_save_says_why_keeps_the_work_unsaved_and_the_recovery_file_keeps_it_safe() {
    use std::io::ErrorKind;
    let dir = temp_dir("failing");
    let path = dir.join("workshop.malbild");
    let (mut h, desktop) = app_with_recovery(&dir.join("recovery"), Document::new());
    add_card(&mut h, "Viktigt");
    desktop.answer(Some(path.clone()));
    key_mod(&mut h, Modifiers::COMMAND, Key::S);
    finish_saving(&mut h);
    let before = std::fs::read(&path).unwrap_or_default();
    for (kind, words) in [
        (ErrorKind::StorageFull, "disken är full"),
        (ErrorKind::PermissionDenied, "behörighet saknas"),
        (ErrorKind::ReadOnlyFilesystem, "skrivskyddad"),
        (ErrorKind::NotFound, "workshop.malbild"),
    ] {
        add_card(&mut h, "Mer");
        desktop.fail_writes(Some(kind));
        key_mod(&mut h, Modifiers::COMMAND, Key::S);
        finish_saving(&mut h);
        let msg = h.state().modal_text().unwrap_or_default();
        assert!(
            msg.contains(words) && msg.contains("workshop.malbild"),
            "{kind:?}: {msg}"
        );
        assert!(h.state().is_dirty(), "still unsaved");
        assert_eq!(
            std::fs::read(&path).unwrap_or_default(),
            before,
            "the file as it was"
        );
        key(&mut h, Key::Escape);
        // The work is in the recovery file meanwhile.
        let file = h.state().recovery_file().unwrap_or_default();
        let state = h.state().doc().clone();
        assert!(until(&mut h, |_| malbild::io::load(&file)
            .is_ok_and(|l| l.document == state)));
    }
    // Nothing half-written beside the file.
    let leftovers: Vec<_> = std::fs::read_dir(&dir)
        .map(|d| d.flatten().map(|e| e.file_name()).collect())
        .unwrap_or_default();
    assert!(
        leftovers
            .iter()
            .all(|n| !n.to_string_lossy().ends_with(".tmp")),
        "{leftovers:?}"
    );
    desktop.fail_writes(None);
    key_mod(&mut h, Modifiers::COMMAND, Key::S);
    finish_saving(&mut h);
    assert!(!h.state().is_dirty());
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_file_removed_while_open_is_saved_again_and_revert_says_it_is_gone() {
    let dir = temp_dir("removed");
    let path = dir.join("borta.malbild");
    assert!(malbild::io::save(&path, &malbild::model::sample::nara_vard()).is_ok());
    let desktop = ScriptedDesktop::default();
    let app = App::open_at_start(&path, Box::new(desktop.clone()), malbild::lang::Lang::Sv);
    let mut h = harness_with(app);
    let _ = std::fs::remove_file(&path);
    add_card(&mut h, "Efter");
    let edited = h.state().doc().clone();
    // Revert: the file is gone; said, and the canvas stays.
    h.get_by_label("Arkiv").click();
    h.run();
    h.get_by_label("Återgå till senast sparade").click();
    h.run();
    h.get_by_label("Återgå").click();
    h.run();
    let msg = h.state().modal_text().unwrap_or_default();
    assert!(msg.contains("borta.malbild"), "{msg}");
    key(&mut h, Key::Escape);
    assert_eq!(h.state().doc(), &edited);
    // Saved: the file is there again.
    key_mod(&mut h, Modifiers::COMMAND, Key::S);
    finish_saving(&mut h);
    assert!(path.is_file());
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_newer_file_opens_read_only_and_a_partly_broken_one_offers_the_rest() {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus");
    let desktop = ScriptedDesktop::default();
    let newer = corpus.join("newer-version.malbild");
    let app = App::open_at_start(&newer, Box::new(desktop.clone()), malbild::lang::Lang::Sv);
    let mut h = harness_with(app);
    assert!(
        h.state().window_title().contains("(skrivskyddad)"),
        "{}",
        h.state().window_title()
    );
    assert!(
        h.state()
            .notice()
            .is_some_and(|n| n.contains("nyare Målbild"))
    );
    // Saving asks for another name: the newer file is never saved over.
    desktop.answer(None);
    key_mod(&mut h, Modifiers::COMMAND, Key::S);
    h.run();
    assert_eq!(
        desktop.asked(),
        vec![malbild::ui::desktop::FilePurpose::Save]
    );

    // A file some of whose elements are broken: what was left out is listed.
    desktop.answer(Some(corpus.join("partly-broken.malbild")));
    key_mod(&mut h, Modifiers::COMMAND, Key::O);
    h.run();
    assert_eq!(
        h.state().modal_text().as_deref(),
        Some("Delar av filen kunde inte läsas")
    );
    assert!(h.query_by_label_contains("2 av 5 element").is_some());
    assert!(h.query_by_label_contains("elements[1]: rect").is_some());
    h.get_by_label("Öppna resten").click();
    h.run();
    assert_eq!(h.state().doc().card_count(), 2);
    assert!(h.state().window_title().contains("(skrivskyddad)"));
    desktop.answer(None);
    key_mod(&mut h, Modifiers::COMMAND, Key::S);
    h.run();
    assert_eq!(
        desktop.asked().len(),
        3,
        "Save asked for a new name, not over the file"
    );
}
