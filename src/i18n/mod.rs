//! The words of the window by name (`Msg`, a key of the translation files in `assets/i18n`),
//! and the messages made of values (errors, counts), all read from those files.

use crate::io::LoadError;

pub use crate::lang::{Arg, Lang};
pub use crate::tr;

macro_rules! messages {
    ($($name:ident => $key:literal;)*) => {
        /// A fixed piece of UI text: its key in the translation files (`assets/i18n`).
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum Msg { $($name),* }

        impl Msg {
            pub const ALL: &[Msg] = &[$(Msg::$name),*];

            /// The message's id in the Fluent files.
            pub fn key(self) -> &'static str {
                match self { $(Msg::$name => $key),* }
            }
        }
    };
}

impl Msg {
    /// The text in `lang`.
    pub fn text(self, lang: Lang) -> &'static str {
        lang.word(self.key())
    }
}

messages! {
    AppName => "app-name";
    Untitled => "untitled";
    MenuFile => "menu-file";
    MenuEdit => "menu-edit";
    MenuView => "menu-view";
    MenuHelp => "menu-help";
    New => "new";
    Open => "open";
    Save => "save";
    SaveAs => "save-as";
    Quit => "quit";
    Undo => "undo";
    Redo => "redo";
    SelectAll => "select-all";
    Copy => "copy";
    Bold => "bold";
    TextSizeLabel => "text-size-label";
    TextSizeAuto => "text-size-auto";
    TextSizeFit => "text-size-fit";
    ShowTitle => "show-title";
    DateLabel => "date-label";
    Today => "today";
    Cut => "cut";
    Paste => "paste";
    PasteHere => "paste-here";
    CopyPicture => "copy-picture";
    PictureCopied => "picture-copied";
    ClipboardEmpty => "clipboard-empty";
    NewCardHere => "new-card-here";
    EditText => "edit-text";
    ZoomToPhase => "zoom-to-phase";
    Delete => "delete";
    Duplicate => "duplicate";
    NewCard => "new-card";
    EditCard => "edit-card";
    FitAll => "fit-all";
    ZoomNulage => "zoom-nulage";
    ZoomOvergang => "zoom-overgang";
    ZoomMalbild => "zoom-malbild";
    ZoomIn => "zoom-in";
    ZoomOut => "zoom-out";
    ZoomReset => "zoom-reset";
    ToggleTheme => "toggle-theme";
    TogglePanel => "toggle-panel";
    FullScreen => "full-screen";
    SidePanel => "side-panel";
    ToggleLanguage => "toggle-language";
    Shortcuts => "shortcuts";
    About => "about";
    Palette => "palette";
    PaletteSearch => "palette-search";
    PaletteNothing => "palette-nothing";
    Connect => "connect";
    ConnectNothing => "connect-nothing";
    ConnectNoTarget => "connect-no-target";
    MovePhaseNext => "move-phase-next";
    MovePhasePrevious => "move-phase-previous";
    MoveLaneNext => "move-lane-next";
    MoveLanePrevious => "move-lane-previous";
    ThemeLight => "theme-light";
    ThemeDark => "theme-dark";
    ThemeHighContrast => "theme-high-contrast";
    Language => "language";
    Appearance => "appearance";
    Canvas => "canvas";
    Card => "card";
    CardText => "card-text";
    EmptyCard => "empty-card";
    Shape => "shape";
    FreeText => "free-text";
    PenStroke => "pen-stroke";
    Illustration => "illustration";
    Image => "image";
    NoDescription => "no-description";
    Crop => "crop";
    CropDone => "crop-done";
    ResetCrop => "reset-crop";
    FlipHorizontal => "flip-horizontal";
    FlipVertical => "flip-vertical";
    Opacity => "opacity";
    Description => "description";
    FollowUp => "follow-up";
    StatusLabel => "status-label";
    NoneChoice => "none-choice";
    PriorityLabel => "priority-label";
    OwnerLabel => "owner-label";
    DueLabel => "due-label";
    DueHint => "due-hint";
    StepLabel => "step-label";
    NoStep => "no-step";
    StepNumber => "step-number";
    NumberSteps => "number-steps";
    Themes => "themes";
    AddTheme => "add-theme";
    NewThemeName => "new-theme-name";
    ThemeTitle => "theme-title";
    ThemeUp => "theme-up";
    ThemeDown => "theme-down";
    RemoveTheme => "remove-theme";
    ThemeHeight => "theme-height";
    Summary => "summary";
    Present => "present";
    OpenElsewhere => "open-elsewhere";
    ReadOnly => "read-only";
    PartialTitle => "partial-title";
    PartialKeep => "partial-keep";
    OpenRest => "open-rest";
    PartialOpened => "partial-opened";
    RecentFiles => "recent-files";
    ForgetRecent => "forget-recent";
    Missing => "missing";
    Welcome => "welcome";
    StartNew => "start-new";
    StartOpen => "start-open";
    StartContinue => "start-continue";
    Revert => "revert";
    RevertQuestion => "revert-question";
    RevertButton => "revert-button";
    NothingToRevert => "nothing-to-revert";
    RecoverTitle => "recover-title";
    RecoverBody => "recover-body";
    Restore => "restore";
    SaveElsewhere => "save-elsewhere";
    Discard => "discard";
    Later => "later";
    Unreadable => "unreadable";
    ExportMarks => "export-marks";
    NewFromTemplate => "new-from-template";
    OwnTemplates => "own-templates";
    SaveAsTemplate => "save-as-template";
    TemplateName => "template-name";
    TemplateSaved => "template-saved";
    TemplateNameHint => "template-name-hint";
    NoDataFolder => "no-data-folder";
    ToggleFilter => "toggle-filter";
    FilterLabel => "filter-label";
    NoStatus => "no-status";
    FilterAll => "filter-all";
    ThemeLabel => "theme-label";
    ChangedSince => "changed-since";
    FilterClear => "filter-clear";
    Timer => "timer";
    TimeIsUp => "time-is-up";
    TimerPause => "timer-pause";
    TimerResume => "timer-resume";
    TimerAddMinute => "timer-add-minute";
    TimerStop => "timer-stop";
    TimerOwn => "timer-own";
    TimerStart => "timer-start";
    Voting => "voting";
    DotsPerPerson => "dots-per-person";
    Unlimited => "unlimited";
    StartVoting => "start-voting";
    NextPerson => "next-person";
    EndVoting => "end-voting";
    ShowDots => "show-dots";
    ClearDots => "clear-dots";
    DeleteRound => "delete-round";
    Results => "results";
    VotingTip => "voting-tip";
    SummarySaved => "summary-saved";
    PictureColor => "picture-color";
    OwnColors => "own-colors";
    Library => "library";
    LibrarySearchLabel => "library-search-label";
    LibrarySearch => "library-search";
    LibraryNothing => "library-nothing";
    LibraryAll => "library-all";
    LibraryIllustrations => "library-illustrations";
    LibraryIcons => "library-icons";
    LibraryRecent => "library-recent";
    LibraryHint => "library-hint";
    CategoryPeople => "category-people";
    CategoryPlaces => "category-places";
    CategoryCare => "category-care";
    CategoryTransport => "category-transport";
    CategoryDigital => "category-digital";
    CategoryNature => "category-nature";
    CategorySymbols => "category-symbols";
    InsertPicture => "insert-picture";
    PictureFilter => "picture-filter";
    PictureFailed => "picture-failed";
    PictureOpening => "picture-opening";
    HighlightStroke => "highlight-stroke";
    EmptyShape => "empty-shape";
    SelectTool => "select-tool";
    ShapeTool => "shape-tool";
    TextTool => "text-tool";
    PenTool => "pen-tool";
    HighlighterTool => "highlighter-tool";
    EraserTool => "eraser-tool";
    MarkerTool => "marker-tool";
    MenuTools => "menu-tools";
    TipPen => "tip-pen";
    TipEraser => "tip-eraser";
    TipShape => "tip-shape";
    TipText => "tip-text";
    OutlineRectangle => "outline-rectangle";
    OutlineRounded => "outline-rounded";
    OutlineEllipse => "outline-ellipse";
    OutlineDiamond => "outline-diamond";
    OutlineCloud => "outline-cloud";
    OutlineSpeech => "outline-speech";
    OutlineBanner => "outline-banner";
    OutlineBlockArrow => "outline-block-arrow";
    BringForward => "bring-forward";
    SendBackward => "send-backward";
    BringToFront => "bring-to-front";
    SendToBack => "send-to-back";
    Group => "group";
    Ungroup => "ungroup";
    Lock => "lock";
    Unlock => "unlock";
    Locked => "locked";
    Grouped => "grouped";
    Arrange => "arrange";
    AlignMenu => "align-menu";
    AlignLeft => "align-left";
    AlignCenter => "align-center";
    AlignRight => "align-right";
    AlignTop => "align-top";
    AlignMiddle => "align-middle";
    AlignBottom => "align-bottom";
    DistributeH => "distribute-h";
    DistributeV => "distribute-v";
    Fill => "fill";
    NoFill => "no-fill";
    LineColor => "line-color";
    Outline => "outline";
    TextAlign => "text-align";
    AlignTextLeft => "align-text-left";
    AlignTextCenter => "align-text-center";
    AlignTextRight => "align-text-right";
    PenWidthLabel => "pen-width-label";
    Rotation => "rotation";
    Snap => "snap";
    Grid => "grid";
    Rotate => "rotate";
    Phase => "phase";
    PhaseTitle => "phase-title";
    PhaseTint => "phase-tint";
    PhaseWidth => "phase-width";
    Colour => "colour";
    NewCardColour => "new-card-colour";
    Document => "document";
    DocumentTitle => "document-title";
    BoardHeight => "board-height";
    Properties => "properties";
    NothingSelected => "nothing-selected";
    TipDoubleClick => "tip-double-click";
    TipTab => "tip-tab";
    TipPan => "tip-pan";
    TipDraw => "tip-draw";
    TipPhaseKeys => "tip-phase-keys";
    TipEditing => "tip-editing";
    TipEditingText => "tip-editing-text";
    TipWalk => "tip-walk";
    UnsavedTitle => "unsaved-title";
    UnsavedBody => "unsaved-body";
    DontSave => "dont-save";
    Cancel => "cancel";
    Ok => "ok";
    Close => "close";
    OpenFailed => "open-failed";
    SaveFailed => "save-failed";
    KeptOpen => "kept-open";
    Saved => "saved";
    ChoosingFile => "choosing-file";
    Saving => "saving";
    SaveInterrupted => "save-interrupted";
    AboutBody => "about-body";
    Licences => "licences";
    ColourYellow => "colour-yellow";
    ColourOrange => "colour-orange";
    ColourPink => "colour-pink";
    ColourRed => "colour-red";
    ColourPurple => "colour-purple";
    ColourBlue => "colour-blue";
    ColourTeal => "colour-teal";
    ColourGreen => "colour-green";
    ColourGrey => "colour-grey";
    ColourWhite => "colour-white";
    ColourNavy => "colour-navy";
    Selected => "selected";
    FileFilter => "file-filter";
    OpenButton => "open-button";
    Export => "export";
    ExportTitle => "export-title";
    Scope => "scope";
    ScopeAll => "scope-all";
    ScopeSelection => "scope-selection";
    SizeLabel => "size-label";
    SizeScale => "size-scale";
    SizeWidth => "size-width";
    SizePaper => "size-paper";
    SizeFrame => "size-frame";
    Presets => "presets";
    PresetSlide => "preset-slide";
    PresetPoster => "preset-poster";
    Landscape => "landscape";
    Portrait => "portrait";
    BackgroundLabel => "background-label";
    BgPhases => "bg-phases";
    BgWhite => "bg-white";
    BgTransparent => "bg-transparent";
    Padding => "padding";
    Embed => "embed";
    ExportPng => "export-png";
    ExportButton => "export-button";
    ExportSvg => "export-svg";
    Exporting => "exporting";
    ExportFailed => "export-failed";
    Arrow => "arrow";
    ArrowTool => "arrow-tool";
    ArrowLabel => "arrow-label";
    EditLabel => "edit-label";
    Reverse => "reverse";
    RouteLabel => "route-label";
    RouteStraight => "route-straight";
    RouteCurved => "route-curved";
    RouteElbow => "route-elbow";
    StartHead => "start-head";
    EndHead => "end-head";
    HeadNone => "head-none";
    HeadTriangle => "head-triangle";
    HeadOpen => "head-open";
    HeadDot => "head-dot";
    LineLabel => "line-label";
    LineSolid => "line-solid";
    LineDashed => "line-dashed";
    LineDotted => "line-dotted";
    WidthLabel => "width-label";
    WidthThin => "width-thin";
    WidthMedium => "width-medium";
    WidthBold => "width-bold";
    TipArrow => "tip-arrow";
    TipArrowTool => "tip-arrow-tool";
    TypePath => "type-path";
}

/// Colour names for the card palette.
pub fn colour_name(c: crate::model::CardColor, lang: Lang) -> &'static str {
    use crate::model::CardColor::*;
    let msg = match c {
        Yellow => Msg::ColourYellow,
        Orange => Msg::ColourOrange,
        Pink => Msg::ColourPink,
        Red => Msg::ColourRed,
        Purple => Msg::ColourPurple,
        Blue => Msg::ColourBlue,
        Teal => Msg::ColourTeal,
        Green => Msg::ColourGreen,
        Grey => Msg::ColourGrey,
        White => Msg::ColourWhite,
        Navy => Msg::ColourNavy,
    };
    msg.text(lang)
}

/// What opening a file of a newer version says.
pub fn newer_notice(version: u64, lang: Lang) -> String {
    tr!(lang, "newer-notice", version = version.to_string())
}

/// "2 av 14 element i ”x.malbild” kunde inte läsas och lämnas utanför:".
pub fn partial_body(name: &str, dropped: usize, total: usize, lang: Lang) -> String {
    tr!(
        lang,
        "partial-body",
        name = name,
        dropped = dropped,
        total = total
    )
}

/// "för 5 minuter sedan" / "5 minutes ago".
pub fn ago(seconds: u64, lang: Lang) -> String {
    match seconds {
        0..60 => tr!(lang, "ago-now").to_owned(),
        60..3600 => tr!(lang, "ago-minutes", n = seconds / 60),
        3600..86_400 => tr!(lang, "ago-hours", n = seconds / 3600),
        _ => tr!(lang, "ago-days", n = seconds / 86_400),
    }
}

/// "Omröstning 2" / "Vote 2": the name of a new round.
pub fn round_name(n: usize, lang: Lang) -> String {
    tr!(lang, "round-name", n = n)
}

/// "Person 2: 3 prickar kvar" / "Person 2: unlimited".
pub fn dots_left(person: u32, left: Option<u32>, lang: Lang) -> String {
    match left {
        None => tr!(lang, "dots-unlimited", person = person),
        Some(n) => tr!(lang, "dots-left", person = person, n = n),
    }
}

/// "3 prickar" / "3 dots".
pub fn dots(n: u64, lang: Lang) -> String {
    tr!(lang, "dots", n = n)
}

/// "3 kort" / "3 cards".
pub fn cards(n: usize, lang: Lang) -> String {
    tr!(lang, "cards", n = n)
}

/// "3 pilar" / "3 arrows".
pub fn arrows(n: usize, lang: Lang) -> String {
    tr!(lang, "arrows", n = n)
}

/// The shapes, free texts and strokes of a document, those there are: "2 former, 1 text,
/// 4 penndrag" / "2 shapes, 1 text, 4 strokes" (empty if there are none).
pub fn other_elements(doc: &crate::model::Document, lang: Lang) -> String {
    other_elements_of(|k| doc.count(k), lang)
}

/// The same, from how many elements of each kind there are.
pub fn other_elements_of(count: impl Fn(crate::model::Kind) -> usize, lang: Lang) -> String {
    use crate::model::Kind;
    let parts: Vec<String> = [
        Kind::Shape,
        Kind::Text,
        Kind::Stroke,
        Kind::Illustration,
        Kind::Image,
    ]
    .into_iter()
    .map(|k| (k, count(k)))
    .filter(|(_, n)| *n > 0)
    .map(|(k, n)| match k {
        Kind::Shape => tr!(lang, "count-shapes", n = n),
        Kind::Text => tr!(lang, "count-texts", n = n),
        Kind::Illustration => tr!(lang, "count-illustrations", n = n),
        Kind::Image => tr!(lang, "count-pictures", n = n),
        _ => tr!(lang, "count-strokes", n = n),
    })
    .collect();
    parts.join(", ")
}

/// "3 kort markerade" / "3 cards selected".
pub fn cards_selected(n: usize, lang: Lang) -> String {
    tr!(lang, "cards-selected", n = n)
}

/// "3 markerade" / "3 selected", for a mix of kinds.
pub fn selected(n: usize, lang: Lang) -> String {
    tr!(lang, "count-selected", n = n)
}

/// "Pil från «a» till «b»", with either end possibly free.
pub fn arrow_description(from: Option<&str>, to: Option<&str>, lang: Lang) -> String {
    match (from, to) {
        (Some(f), Some(t)) => tr!(lang, "arrow-from-to", from = f, to = t),
        (Some(f), None) => tr!(lang, "arrow-from", from = f),
        (None, Some(t)) => tr!(lang, "arrow-to", to = t),
        (None, None) => tr!(lang, "arrow-free").to_owned(),
    }
}

/// The name of an arrow's route, head, line style or width.
pub fn route_name(r: crate::model::Route, lang: Lang) -> &'static str {
    use crate::model::Route::*;
    match r {
        Straight => Msg::RouteStraight,
        Curved => Msg::RouteCurved,
        Elbow => Msg::RouteElbow,
    }
    .text(lang)
}

pub fn head_name(h: crate::model::Head, lang: Lang) -> &'static str {
    use crate::model::Head::*;
    match h {
        None => Msg::HeadNone,
        Triangle => Msg::HeadTriangle,
        Open => Msg::HeadOpen,
        Dot => Msg::HeadDot,
    }
    .text(lang)
}

pub fn line_style_name(s: crate::model::LineStyle, lang: Lang) -> &'static str {
    use crate::model::LineStyle::*;
    match s {
        Solid => Msg::LineSolid,
        Dashed => Msg::LineDashed,
        Dotted => Msg::LineDotted,
    }
    .text(lang)
}

pub fn width_name(w: crate::model::LineWidth, lang: Lang) -> &'static str {
    use crate::model::LineWidth::*;
    match w {
        Thin => Msg::WidthThin,
        Medium => Msg::WidthMedium,
        Bold => Msg::WidthBold,
    }
    .text(lang)
}

pub fn pen_width_name(w: crate::model::PenWidth, lang: Lang) -> &'static str {
    use crate::model::PenWidth::*;
    match w {
        Thin => Msg::WidthThin,
        Medium => Msg::WidthMedium,
        Thick => Msg::WidthBold,
    }
    .text(lang)
}

pub fn outline_name(o: crate::model::Outline, lang: Lang) -> &'static str {
    use crate::model::Outline::*;
    match o {
        Rectangle => Msg::OutlineRectangle,
        RoundedRectangle => Msg::OutlineRounded,
        Ellipse => Msg::OutlineEllipse,
        Diamond => Msg::OutlineDiamond,
        Cloud => Msg::OutlineCloud,
        SpeechBubble => Msg::OutlineSpeech,
        Banner => Msg::OutlineBanner,
        BlockArrow => Msg::OutlineBlockArrow,
    }
    .text(lang)
}

pub fn text_align_name(a: crate::model::Align, lang: Lang) -> &'static str {
    use crate::model::Align::*;
    match a {
        Left => Msg::AlignTextLeft,
        Center => Msg::AlignTextCenter,
        Right => Msg::AlignTextRight,
    }
    .text(lang)
}

/// The name of a font size ("S", "M", …): the same in both languages.
pub fn font_size_name(f: crate::model::FontSize) -> &'static str {
    use crate::model::FontSize::*;
    match f {
        S => "S",
        M => "M",
        L => "L",
        Xl => "XL",
    }
}

/// The copied elements on the clipboard cannot be pasted: why, tidied for one line.
pub fn paste_unreadable(why: &str, lang: Lang) -> String {
    tr!(lang, "paste-unreadable", why = tidy(why))
}

/// A change that could not be made (the document did not hold what it was made for).
pub fn edit_error(e: &crate::edit::EditError, lang: Lang) -> String {
    use crate::edit::EditError;
    match e {
        EditError::UnknownElement(_) => tr!(lang, "edit-error-unknown"),
        EditError::DuplicateElement(_) => tr!(lang, "edit-error-duplicate"),
    }
    .to_owned()
}

/// "Exporterat till /väg/bild.png".
pub fn exported_to(path: &str, lang: Lang) -> String {
    tr!(lang, "exported-to", path = path)
}

/// "3840 × 2160 bildpunkter".
pub fn pixels(w: u32, h: u32, lang: Lang) -> String {
    tr!(lang, "pixels", w = w.to_string(), h = h.to_string())
}

/// The names of the phases (the method's own words, which a language may keep).
pub fn phase_name(p: crate::model::PhaseId, lang: Lang) -> &'static str {
    match p {
        crate::model::PhaseId::Nulage => tr!(lang, "phase-nulage"),
        crate::model::PhaseId::Overgang => tr!(lang, "phase-overgang"),
        crate::model::PhaseId::Malbild => tr!(lang, "phase-malbild"),
    }
}

/// "Sparat i fil.malbild".
pub fn saved_to(name: &str, lang: Lang) -> String {
    tr!(lang, "saved-to", name = name)
}

/// "Öppnade fil.malbild".
pub fn opened(name: &str, lang: Lang) -> String {
    tr!(lang, "opened", name = name)
}

/// "Spara ändringarna i ”namn”?"
pub fn unsaved_question(name: &str, lang: Lang) -> String {
    tr!(lang, "unsaved-question", name = name)
}

/// What went wrong when opening a file, in plain words of one language (a detail only the
/// JSON reader knows, in English, is given only where the language's text asks for it).
pub fn load_error(e: &LoadError, lang: Lang) -> String {
    use crate::io::{MAX_EMBEDDED_BYTES, MAX_FILE_BYTES, MB, VERSION};
    match e {
        LoadError::Io(kind, detail) => tr!(lang, "load-io", why = io_words(kind, detail, lang)),
        LoadError::TooLarge { bytes } => tr!(
            lang,
            "load-too-large",
            mb = bytes.div_ceil(MB),
            max = MAX_FILE_BYTES / MB
        ),
        LoadError::Empty => tr!(lang, "load-empty").to_owned(),
        LoadError::MissingFolder(d) => tr!(lang, "load-missing-folder", folder = d),
        LoadError::NotAFolder(d) => tr!(lang, "load-not-a-folder", folder = d),
        LoadError::NotAFile(kind) => tr!(lang, "load-not-a-file", kind = file_kind(kind, lang)),
        LoadError::OtherFormat(kind) => {
            let kind = match *kind {
                "a JPEG image" => "jpeg",
                "a GIF image" => "gif",
                "a BMP image" => "bmp",
                "a TIFF image" => "tiff",
                "a WebP image" => "webp",
                "a PDF document" => "pdf",
                "a gzip archive" => "gzip",
                "an SVG or other XML document" => "xml",
                _ => "zip",
            };
            tr!(lang, "load-other-format", kind = kind)
        }
        LoadError::EmbeddedTooLarge => {
            tr!(
                lang,
                "load-embedded-too-large",
                max = MAX_EMBEDDED_BYTES / MB
            )
        }
        LoadError::EmbeddedEmpty => tr!(lang, "load-embedded-empty").to_owned(),
        LoadError::Image => tr!(lang, "load-image").to_owned(),
        LoadError::BrokenImage => tr!(lang, "load-broken-image").to_owned(),
        LoadError::Truncated { line, column } => {
            tr!(
                lang,
                "load-truncated",
                line = line.to_string(),
                column = column.to_string()
            )
        }
        LoadError::Syntax {
            line,
            column,
            detail,
        } => tr!(
            lang,
            "load-syntax",
            line = line.to_string(),
            column = column.to_string(),
            detail = detail
        ),
        LoadError::NotMalbild(why) => {
            let reason = if why.contains("no `format`") {
                "no-format"
            } else if why.contains("not text") {
                "format-not-text"
            } else if why.contains("JSON object") {
                "not-object"
            } else {
                "other-format"
            };
            tr!(lang, "load-not-malbild", reason = reason, detail = why)
        }
        LoadError::Newer { found } => {
            tr!(
                lang,
                "load-newer",
                found = found.to_string(),
                version = VERSION.to_string()
            )
        }
        LoadError::BadVersion(v) if v.contains("missing") => {
            tr!(lang, "load-no-version").to_owned()
        }
        LoadError::BadVersion(v) => tr!(
            lang,
            "load-bad-version",
            version = match lang {
                Lang::En => v.clone(),
                // "\"1\" (text, not a whole number)": the value, without the reader's words.
                _ => v.split(" (").next().unwrap_or(v).to_owned(),
            }
        ),
        LoadError::Invalid { path, detail } => {
            tr!(
                lang,
                "load-invalid",
                path = path,
                detail = detail_words(detail, lang)
            )
        }
    }
}

/// What the file reader says is wrong with a value, in `lang`: the reader's own English words
/// where that is the language, else its usual sentences in the language's words, with the
/// names and values it quotes (`like this`) kept.
pub fn detail_words(detail: &str, lang: Lang) -> String {
    if lang == Lang::En {
        return detail.to_owned();
    }
    // "rect: …": the field first, as it is, then what is wrong with it.
    if let Some((field, rest)) = detail.split_once(": ")
        && !field.is_empty()
        && field
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "._[]{}-".contains(c))
    {
        return format!("{field}: {}", detail_words(rest, lang));
    }
    let quoted: Vec<&str> = detail.split('`').skip(1).step_by(2).collect();
    let first = quoted.first().copied().unwrap_or("");
    let rest = || {
        quoted
            .iter()
            .skip(1)
            .map(|q| format!("`{q}`"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let expected = match rest() {
        r if r.is_empty() => "none".to_owned(),
        r => r,
    };
    let quote = |q: &str| format!("`{q}`");
    if let Some(rest) = detail.strip_prefix("cannot upgrade from version ") {
        let (version, inner) = rest.split_once(": ").unwrap_or((rest, ""));
        let what = inner
            .split_whitespace()
            .find(|w| w.starts_with("elements[") || w.starts_with('`'))
            .map(|w| w.trim_matches(|c| c == '`' || c == ',').to_owned())
            .unwrap_or_default();
        return tr!(
            lang,
            "detail-upgrade",
            version = version.to_owned(),
            what = quote(&what)
        );
    }
    const KINDS: &[(&str, &str)] = &[
        ("is not a colour", "detail-not-colour"),
        ("is not an element id", "detail-not-id"),
        ("is not an order key", "detail-not-order-key"),
        ("is not a picture id", "detail-not-picture-id"),
        ("is not a day", "detail-not-day"),
        ("is not a scale", "detail-not-scale"),
        ("is not a width", "detail-not-scale"),
        ("twice", "detail-twice"),
        ("out of range", "detail-out-of-range"),
        ("above zero", "detail-out-of-range"),
        ("not between", "detail-out-of-range"),
        ("not a part of the picture", "detail-crop"),
    ];
    if let Some((_, key)) = KINDS.iter().find(|(en, _)| detail.contains(en)) {
        let value = match first {
            "" => detail
                .split_whitespace()
                .find(|w| {
                    w.chars()
                        .next()
                        .is_some_and(|c| c.is_ascii_digit() || c == '-')
                })
                .unwrap_or("")
                .trim_end_matches([')', ',', ';', '.'])
                .to_owned(),
            q => q.to_owned(),
        };
        return lang.fmt(key, &[("value", Arg::from(quote(&value)))]);
    }
    if detail.starts_with("missing field") {
        tr!(lang, "detail-missing-field", name = first)
    } else if detail.starts_with("unknown field") {
        tr!(lang, "detail-unknown-field", name = first)
    } else if detail.starts_with("duplicate field") {
        tr!(lang, "detail-duplicate-field", name = first)
    } else if detail.starts_with("unknown variant") {
        tr!(
            lang,
            "detail-unknown-value",
            value = first,
            expected = expected
        )
    } else if detail.starts_with("invalid type") {
        tr!(lang, "detail-invalid-type").to_owned()
    } else if quoted.is_empty() {
        tr!(lang, "detail-invalid-value").to_owned()
    } else {
        let all: Vec<String> = quoted.iter().map(|q| format!("`{q}`")).collect();
        tr!(lang, "detail-invalid-quoted", values = all.join(", "))
    }
}

/// A kind of file that is not a regular one, in words.
fn file_kind(kind: &str, lang: Lang) -> &'static str {
    match kind {
        "a folder" => tr!(lang, "file-kind-folder"),
        "a pipe" => tr!(lang, "file-kind-pipe"),
        "a device" => tr!(lang, "file-kind-device"),
        "a socket" => tr!(lang, "file-kind-socket"),
        "a link to nothing" => tr!(lang, "file-kind-dangling-link"),
        _ => tr!(lang, "file-kind-special"),
    }
}

/// An I/O error of `kind` in words (the system's `detail` where there is no plainer word).
fn io_words(kind: &std::io::ErrorKind, detail: &str, lang: Lang) -> String {
    use std::io::ErrorKind;
    match kind {
        ErrorKind::NotFound => tr!(lang, "io-not-found"),
        ErrorKind::PermissionDenied => tr!(lang, "io-permission"),
        ErrorKind::ReadOnlyFilesystem => tr!(lang, "io-read-only"),
        ErrorKind::StorageFull => tr!(lang, "io-full"),
        ErrorKind::IsADirectory => tr!(lang, "io-is-folder"),
        _ => return detail.to_owned(),
    }
    .to_owned()
}

/// Text from a file or a user made safe to show on one line, in a terminal or a dialog:
/// every quoted value longer than [`MAX_QUOTED`] characters is cut with "…"; control
/// characters (escape sequences, line breaks, bells), direction overrides, invisible format
/// characters and line separators are written as `\u{…}` escapes; and the whole is cut at
/// about [`MAX_LINE`] characters. Time and memory stay in proportion to what is shown.
pub fn tidy(s: &str) -> String {
    let mut out = String::new();
    let mut shown = 0;
    let mut push = |c: char, out: &mut String| -> bool {
        if shown >= MAX_LINE {
            return false;
        }
        if hidden(c) {
            let escape = format!("\\u{{{:x}}}", c as u32);
            shown += escape.len();
            out.push_str(&escape);
        } else {
            shown += 1;
            out.push(c);
        }
        true
    };
    // Closing quotes known not to come any more (each is looked for to the end once at most).
    let mut gone: Vec<char> = Vec::new();
    let mut budget = QUOTE_BUDGET;
    let mut rest = s;
    while let Some(c) = rest.chars().next() {
        rest = &rest[c.len_utf8()..];
        if !push(c, &mut out) {
            out.push('…');
            return out;
        }
        let close = match c {
            '`' | '"' | '”' => c,
            '“' => '”',
            '«' => '»',
            _ => continue,
        };
        if gone.contains(&close) || budget == 0 {
            continue;
        }
        // Where the quoted value ends: looked for within what is left of a budget, so that
        // many opening quotes cannot make the search go over the text again and again.
        let mut scanned = 0;
        let found = rest
            .char_indices()
            .take(budget)
            .inspect(|_| scanned += 1)
            .find(|&(_, d)| d == close);
        budget -= scanned.min(budget);
        let Some((end, _)) = found else {
            if budget > 0 {
                gone.push(close); // looked to the end: it does not come
            }
            continue;
        };
        let value = &rest[..end];
        let mut chars = value.chars();
        for d in chars.by_ref().take(MAX_QUOTED) {
            if !push(d, &mut out) {
                out.push('…');
                return out;
            }
        }
        if chars.next().is_some() && !push('…', &mut out) {
            out.push('…');
            return out;
        }
        rest = &rest[end..];
    }
    out
}

/// Whether `c` is written as an escape by [`tidy`]: it could move the cursor, change the
/// terminal, turn text around or hide in it.
fn hidden(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{00ad}' | '\u{061c}' | '\u{200b}'..='\u{200f}' | '\u{2028}'..='\u{202e}'
        )
        || ('\u{2060}'..='\u{2069}').contains(&c)
        || c == '\u{feff}'
        || ('\u{e0000}'..='\u{e007f}').contains(&c)
}

/// The longest quoted value [`tidy`] leaves whole, in characters.
pub use crate::model::MAX_QUOTED;
/// The longest line [`tidy`] gives, in characters (one escape and a mark may go past it).
pub const MAX_LINE: usize = 1_000;
/// How many characters [`tidy`] reads ahead in all to find the ends of quoted values.
const QUOTE_BUDGET: usize = 1 << 24;

/// The name of a card text size: "Anpassa" (fitted), or S, M, L, XL.
pub fn text_size_name(s: crate::model::TextSize, lang: Lang) -> &'static str {
    use crate::model::TextSize;
    match s {
        TextSize::Auto => Msg::TextSizeAuto.text(lang),
        TextSize::S => "S",
        TextSize::M => "M",
        TextSize::L => "L",
        TextSize::Xl => "XL",
    }
}

/// Today's date in words ("5 december 2026"), in the computer's own time zone.
pub fn today(lang: Lang) -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0);
    date_in_words((secs + utc_offset(secs)).div_euclid(86_400), lang)
}

/// The local time zone's offset from UTC at `secs` after 1970, in seconds (0 where unknown).
fn utc_offset(secs: i64) -> i64 {
    #[cfg(unix)]
    {
        let t = secs as libc::time_t;
        // SAFETY: localtime_r only writes the `tm` given to it; both live on this stack.
        let mut tm: libc::tm = unsafe { std::mem::zeroed() };
        let ok = unsafe { !libc::localtime_r(&t, &mut tm).is_null() };
        if ok {
            return tm.tm_gmtoff;
        }
    }
    let _ = secs;
    0
}

/// The date `days` after 1970-01-01 in words.
pub fn date_in_words(days: i64, lang: Lang) -> String {
    let (year, month, day) = civil(days);
    let month_name = lang.word(
        MONTHS
            .get((month as usize).clamp(1, 12) - 1)
            .copied()
            .unwrap_or("month-1"),
    );
    tr!(
        lang,
        "date-long",
        day = day.to_string(),
        month = month_name,
        year = year.to_string()
    )
}

/// The keys of the months' names.
const MONTHS: [&str; 12] = [
    "month-1", "month-2", "month-3", "month-4", "month-5", "month-6", "month-7", "month-8",
    "month-9", "month-10", "month-11", "month-12",
];

/// The year, month and day `days` after 1970-01-01 (Howard Hinnant's days-to-civil).
pub fn civil(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

/// Why a canvas is not saved: its file would be larger than a file that opens may be.
pub fn too_large_to_save(bytes: u64, lang: Lang) -> String {
    use crate::io::{MAX_FILE_BYTES, MB};
    tr!(
        lang,
        "too-large-to-save",
        mb = bytes.div_ceil(MB),
        max = MAX_FILE_BYTES / MB
    )
}

/// Why a paste made nothing, in plain words.
pub fn paste_error(e: &crate::edit::clipboard::PasteError, lang: Lang) -> String {
    use crate::edit::clipboard::{MAX_PASTED_CARDS, PasteError};
    match e {
        PasteError::Empty => Msg::ClipboardEmpty.text(lang).to_owned(),
        PasteError::TooManyLines => tr!(lang, "paste-too-many-lines", max = MAX_PASTED_CARDS),
    }
}

/// Why a picture cannot be used, in plain words.
pub fn picture_error(e: &crate::picture::PictureError, lang: Lang) -> String {
    use crate::picture::{MAX_DECODED_BYTES, MAX_FILE_BYTES, MAX_SIDE, PictureError};
    let mp = MAX_DECODED_BYTES / 4 / 1_000_000;
    let mb = MAX_FILE_BYTES / 1024 / 1024;
    match e {
        PictureError::NotAPicture => tr!(lang, "picture-not-a-picture").to_owned(),
        PictureError::TooLarge { w, h } if *w > 0 => tr!(
            lang,
            "picture-too-large",
            w = w.to_string(),
            h = h.to_string(),
            side = MAX_SIDE,
            mp = mp
        ),
        PictureError::TooLarge { .. } => {
            tr!(lang, "picture-too-large-unknown", side = MAX_SIDE, mp = mp)
        }
        PictureError::FileTooLarge(b) => tr!(
            lang,
            "picture-file-too-large",
            mb = b.div_ceil(1024 * 1024),
            max = mb
        ),
        PictureError::Damaged => tr!(lang, "picture-damaged").to_owned(),
        PictureError::Empty => tr!(lang, "picture-empty").to_owned(),
        PictureError::RefersOutside => tr!(lang, "picture-refers-outside").to_owned(),
    }
}

/// Pictures that could not be put on the canvas, and why.
pub fn pictures_refused(list: &str, lang: Lang) -> String {
    tr!(lang, "pictures-refused", list = list)
}

/// An export error in plain words.
pub fn export_error(e: &crate::export::ExportError, lang: Lang) -> String {
    use crate::export::{ExportError, MAX_PIXEL_BYTES, MAX_SHAPE_BYTES};
    use crate::io::MB;
    match e {
        ExportError::EmptySelection => tr!(lang, "export-empty-selection").to_owned(),
        ExportError::TooLarge {
            width,
            height,
            bytes,
        } => tr!(
            lang,
            "export-too-large",
            w = width.to_string(),
            h = height.to_string(),
            mb = bytes / MB,
            max = MAX_PIXEL_BYTES / MB
        ),
        ExportError::BadSize(m) => tr!(lang, "export-bad-size", detail = m),
        ExportError::TooMuch { elements, bytes } => tr!(
            lang,
            "export-too-much",
            elements = *elements,
            mb = bytes / MB,
            max = MAX_SHAPE_BYTES / MB
        ),
        ExportError::Cancelled => tr!(lang, "export-cancelled").to_owned(),
        ExportError::Encode(m) => tr!(lang, "export-encode", detail = m),
    }
}

/// A save error in plain words, naming the part of `path` that is missing if that is why.
pub fn save_error(e: &std::io::Error, path: &std::path::Path, lang: Lang) -> String {
    use crate::io::PathProblem;
    let problem = match e.kind() {
        std::io::ErrorKind::NotFound | std::io::ErrorKind::NotADirectory => {
            crate::io::path_problem(path)
        }
        _ => None,
    };
    match problem {
        Some(PathProblem::MissingFolder(d)) => {
            tr!(
                lang,
                "save-missing-folder",
                folder = d.display().to_string()
            )
        }
        Some(PathProblem::NotAFolder(d)) => {
            tr!(lang, "save-not-a-folder", folder = d.display().to_string())
        }
        None => match e
            .get_ref()
            .and_then(|i| i.downcast_ref::<crate::io::NotRegular>())
        {
            Some(crate::io::NotRegular(kind)) => {
                tr!(lang, "save-not-regular", kind = file_kind(kind, lang))
            }
            None => tr!(
                lang,
                "save-not-written",
                why = io_words(&e.kind(), &e.to_string(), lang)
            ),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_message_has_both_languages() {
        for m in Msg::ALL {
            assert!(!m.text(Lang::Sv).is_empty(), "{m:?}");
            assert!(!m.text(Lang::En).is_empty(), "{m:?}");
        }
    }

    #[test]
    fn tidy_text_is_one_safe_line() {
        let evil = "titel\u{1b}[31m röd\u{7}\r\nny rad\u{0}\u{202e}baklänges\u{2066}";
        let t = tidy(evil);
        assert!(!t.chars().any(|c| c.is_control()), "{t:?}");
        assert!(!t.contains('\u{202e}') && !t.contains('\u{2066}'));
        assert!(t.contains("\\u{1b}[31m") && t.contains("\\u{202e}"), "{t}");
        let long = format!("bad colour `{}` here", "#".repeat(600_000));
        let t = tidy(&long);
        assert!(t.chars().count() < 120, "{}", t.len());
        assert!(
            t.starts_with("bad colour `###") && t.ends_with("…` here"),
            "{t}"
        );
        // Short quotes and unmatched quotes stay.
        assert_eq!(tidy("the “Nuläge” phase"), "the “Nuläge” phase");
        assert_eq!(tidy("a ` alone"), "a ` alone");
        // Invisible characters are shown.
        assert_eq!(tidy("a\u{200b}b\u{feff}"), "a\\u{200b}b\\u{feff}");
        // Quick and short whatever comes: many unmatched quotes, a huge unquoted value, many
        // control characters.
        assert!(tidy(&"\u{8}".repeat(10_000)).chars().count() <= MAX_LINE + 12);
        let start = std::time::Instant::now();
        let hostile = format!("x \"{}", "«“`".repeat(2_000_000));
        let t = tidy(&hostile);
        assert!(t.chars().count() <= MAX_LINE + 1, "{}", t.len());
        // Many cut quotes: the marks count as shown too.
        let quotes = format!("`{}` ", "q".repeat(200)).repeat(100);
        assert!(tidy(&quotes).chars().count() <= MAX_LINE + 1);
        let t = tidy(&"9".repeat(10_000_000));
        assert!(t.chars().count() <= MAX_LINE + 1);
        assert!(start.elapsed().as_secs() < 5, "{:?}", start.elapsed());
    }

    #[test]
    fn dates_in_words() {
        assert_eq!(date_in_words(0, Lang::Sv), "1 januari 1970");
        // 2026-12-05
        assert_eq!(date_in_words(20_792, Lang::Sv), "5 december 2026");
        assert_eq!(date_in_words(20_792, Lang::En), "5 December 2026");
        // A leap day.
        assert_eq!(date_in_words(19_782, Lang::En), "29 February 2024");
    }

    #[test]
    fn load_errors_read_well_in_both_languages() {
        let e = LoadError::Truncated { line: 3, column: 9 };
        assert!(load_error(&e, Lang::Sv).contains("rad 3, kolumn 9"));
        assert!(load_error(&e, Lang::En).starts_with("The file ends too early at line 3"));
    }
}
