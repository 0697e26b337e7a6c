//! The workshop timer: a countdown shown large in a corner (and while presenting), with
//! pause, one more minute and stop. At the end it turns a calm green and says so; it never
//! stops anyone from working.

use crate::i18n::{Lang, Msg};
use egui::{Color32, RichText, Ui, vec2};

/// The presets of the menu, in minutes.
pub const PRESETS: [u32; 4] = [2, 5, 10, 15];
/// How long the end stays shown before the timer goes away by itself, in seconds.
const END_SHOWN: f64 = 60.0;

/// A countdown, on the clock of the UI's input (so tests run it on their own clock).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Timer {
    /// When it reaches zero, while running.
    end: f64,
    /// Seconds left, while paused.
    paused: Option<f64>,
}

/// What the user asked of the timer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TimerAction {
    Pause,
    Resume,
    AddMinute,
    Stop,
}

impl Timer {
    /// A countdown of `minutes`, started at `now`.
    pub fn start(minutes: u32, now: f64) -> Self {
        Timer {
            end: now + f64::from(minutes.clamp(1, 600)) * 60.0,
            paused: None,
        }
    }

    /// Seconds left (never below zero).
    pub fn left(&self, now: f64) -> f64 {
        self.paused.unwrap_or(self.end - now).max(0.0)
    }

    pub fn is_paused(&self) -> bool {
        self.paused.is_some()
    }

    pub fn is_over(&self, now: f64) -> bool {
        self.left(now) <= 0.0
    }

    /// Whether it has been over long enough to go away by itself.
    pub fn is_done(&self, now: f64) -> bool {
        self.paused.is_none() && now - self.end > END_SHOWN
    }

    /// Applies what the user asked; `None` when the timer is stopped.
    pub fn act(self, action: TimerAction, now: f64) -> Option<Timer> {
        match action {
            TimerAction::Pause => Some(Timer {
                paused: Some(self.left(now)),
                ..self
            }),
            TimerAction::Resume => Some(Timer {
                end: now + self.left(now),
                paused: None,
            }),
            TimerAction::AddMinute => Some(match self.paused {
                Some(left) => Timer {
                    paused: Some(left + 60.0),
                    ..self
                },
                // After the end, a minute from now; before, a minute more.
                None => Timer {
                    end: self.end.max(now) + 60.0,
                    paused: None,
                },
            }),
            TimerAction::Stop => None,
        }
    }

    /// `m:ss` of the time left, rounded up (so 0:00 shows only at the end).
    pub fn text(&self, now: f64) -> String {
        let s = self.left(now).ceil() as u64;
        format!("{}:{:02}", s / 60, s % 60)
    }

    /// Draws the timer in the top right corner of `area`; returns what was clicked.
    /// `buttons`: with pause, one more minute and stop (not while presenting).
    pub fn show(
        &self,
        ctx: &egui::Context,
        area: egui::Rect,
        lang: Lang,
        buttons: bool,
    ) -> Option<TimerAction> {
        let now = ctx.input(|i| i.time);
        let over = self.is_over(now);
        // Ticks once a second (to the next whole second), not every frame.
        if !self.is_paused() {
            let to_next = (self.left(now).fract() as f32).max(0.02);
            ctx.request_repaint_after(std::time::Duration::from_secs_f32(if over {
                1.0
            } else {
                to_next
            }));
        }
        let (fill, ink) = if over {
            (
                Color32::from_rgb(0xd8, 0xf0, 0xdc),
                Color32::from_rgb(0x14, 0x5a, 0x2a),
            )
        } else if self.is_paused() {
            (
                Color32::from_rgb(0xee, 0xef, 0xf2),
                Color32::from_rgb(0x5c, 0x63, 0x6e),
            )
        } else {
            (
                Color32::from_rgb(0xff, 0xff, 0xff),
                Color32::from_rgb(0x1f, 0x23, 0x28),
            )
        };
        let mut action = None;
        egui::Area::new(egui::Id::unique("workshop-timer"))
            .order(egui::Order::Foreground)
            .fixed_pos(area.right_top() + vec2(-16.0, 12.0))
            .pivot(egui::Align2::RIGHT_TOP)
            .show(ctx, |ui| {
                egui::Frame::new()
                    .fill(fill)
                    .stroke(egui::Stroke::new(1.0, ink.gamma_multiply(0.3)))
                    .corner_radius(12.0)
                    .inner_margin(egui::Margin::symmetric(18, 10))
                    .shadow(egui::Shadow {
                        offset: [0, 2],
                        blur: 10,
                        spread: 0,
                        color: Color32::from_black_alpha(40),
                    })
                    .show(ui, |ui| {
                        ui.vertical_centered(|ui| {
                            let text = if over {
                                Msg::TimeIsUp.text(lang).to_owned()
                            } else {
                                self.text(now)
                            };
                            let size = if over { 30.0 } else { 48.0 };
                            ui.label(RichText::new(text).size(size).strong().color(ink));
                            if buttons {
                                action = self.buttons(ui, lang);
                            }
                        });
                    });
            });
        action
    }

    fn buttons(&self, ui: &mut Ui, lang: Lang) -> Option<TimerAction> {
        let mut action = None;
        ui.horizontal(|ui| {
            let (pause, what) = if self.is_paused() {
                (Msg::TimerResume, TimerAction::Resume)
            } else {
                (Msg::TimerPause, TimerAction::Pause)
            };
            for (msg, a) in [
                (pause, what),
                (Msg::TimerAddMinute, TimerAction::AddMinute),
                (Msg::TimerStop, TimerAction::Stop),
            ] {
                if ui.small_button(msg.text(lang)).clicked() {
                    action = Some(a);
                }
            }
        });
        action
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_down_pauses_and_takes_a_minute_more() {
        let t = Timer::start(5, 100.0);
        assert_eq!(t.text(100.0), "5:00");
        assert_eq!(t.text(100.5), "5:00", "rounded up");
        assert_eq!(t.text(101.0), "4:59");
        let p = t.act(TimerAction::Pause, 160.0).unwrap_or(t);
        assert_eq!(p.text(1000.0), "4:00", "paused, time stands still");
        let r = p.act(TimerAction::Resume, 1000.0).unwrap_or(p);
        assert_eq!(r.text(1030.0), "3:30");
        let m = r.act(TimerAction::AddMinute, 1030.0).unwrap_or(r);
        assert_eq!(m.text(1030.0), "4:30");
        assert!(!m.is_over(1299.0) && m.is_over(1300.0));
        assert_eq!(m.text(2000.0), "0:00");
        assert!(!m.is_done(1330.0) && m.is_done(1361.0));
        let again = m.act(TimerAction::AddMinute, 1320.0).unwrap_or(m);
        assert_eq!(
            again.text(1320.0),
            "1:00",
            "after the end: a minute from now"
        );
        assert_eq!(m.act(TimerAction::Stop, 1320.0), None);
    }
}
