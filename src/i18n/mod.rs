//! Every word the user sees, in Swedish (the default) and English, in one place.

use crate::io::LoadError;

pub use crate::lang::Lang;

macro_rules! messages {
    ($($name:ident => $sv:literal, $en:literal;)*) => {
        /// A fixed piece of UI text.
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum Msg { $($name),* }

        impl Msg {
            pub const ALL: &[Msg] = &[$(Msg::$name),*];

            pub fn text(self, lang: Lang) -> &'static str {
                match lang {
                    Lang::Sv => match self { $(Msg::$name => $sv),* },
                    Lang::En => match self { $(Msg::$name => $en),* },
                }
            }
        }
    };
}

messages! {
    AppName => "Målbild", "Målbild";
    Untitled => "Namnlös", "Untitled";
    MenuFile => "Arkiv", "File";
    MenuEdit => "Redigera", "Edit";
    MenuView => "Visa", "View";
    MenuHelp => "Hjälp", "Help";
    New => "Nytt", "New";
    Open => "Öppna…", "Open…";
    Save => "Spara", "Save";
    SaveAs => "Spara som…", "Save as…";
    Quit => "Avsluta", "Quit";
    Undo => "Ångra", "Undo";
    Redo => "Gör om", "Redo";
    SelectAll => "Markera allt", "Select all";
    Copy => "Kopiera", "Copy";
    Bold => "Fetstil", "Bold";
    TextSizeLabel => "Textstorlek", "Text size";
    TextSizeAuto => "Anpassad", "Fitted";
    TextSizeFit => "Anpassa efter kortet", "Fit to the card";
    ShowTitle => "Visa namnet ovanför faserna", "Show the name above the phases";
    DateLabel => "Datum", "Date";
    Today => "I dag", "Today";
    Cut => "Klipp ut", "Cut";
    Paste => "Klistra in", "Paste";
    PasteHere => "Klistra in här", "Paste here";
    CopyPicture => "Kopiera som bild", "Copy as picture";
    PictureCopied => "Bilden är kopierad: klistra in den i en presentation.", "The picture is copied: paste it into a slide.";
    ClipboardEmpty => "Urklippet innehåller ingen text att klistra in.", "The clipboard holds no text to paste.";
    NewCardHere => "Nytt kort här", "New card here";
    EditText => "Redigera text", "Edit text";
    ZoomToPhase => "Zooma till fas", "Zoom to phase";
    Delete => "Ta bort", "Delete";
    Duplicate => "Duplicera", "Duplicate";
    NewCard => "Nytt kort", "New card";
    EditCard => "Redigera kortets text", "Edit card text";
    FitAll => "Visa allt", "Fit all";
    ZoomNulage => "Zooma till Nuläge", "Zoom to Nuläge";
    ZoomOvergang => "Zooma till Övergång", "Zoom to Övergång";
    ZoomMalbild => "Zooma till Målbild", "Zoom to Målbild";
    ZoomIn => "Zooma in", "Zoom in";
    ZoomOut => "Zooma ut", "Zoom out";
    ZoomReset => "Zooma till 100 %", "Zoom to 100 %";
    ToggleTheme => "Ljust/mörkt tema", "Light/dark theme";
    TogglePanel => "Visa/dölj sidopanelen", "Show/hide the side panel";
    FullScreen => "Helskärm", "Full screen";
    SidePanel => "Panel", "Panel";
    ToggleLanguage => "In English", "På svenska";
    Shortcuts => "Kortkommandon", "Keyboard shortcuts";
    About => "Om Målbild", "About Målbild";
    Canvas => "Arbetsyta", "Canvas";
    Card => "Kort", "Card";
    CardText => "Kortets text", "Card text";
    EmptyCard => "tomt kort", "empty card";
    Shape => "Form", "Shape";
    FreeText => "Text", "Text";
    PenStroke => "Penndrag", "Pen stroke";
    Illustration => "Illustration", "Illustration";
    Image => "Bild", "Picture";
    NoDescription => "utan beskrivning", "no description";
    Crop => "Beskär", "Crop";
    CropDone => "Klar med beskärning", "Done cropping";
    ResetCrop => "Visa hela bilden", "Show the whole picture";
    FlipHorizontal => "Vänd vågrätt", "Flip horizontally";
    FlipVertical => "Vänd lodrätt", "Flip vertically";
    Opacity => "Genomskinlighet", "Opacity";
    Description => "Beskrivning (för skärmläsare)", "Description (for screen readers)";
    FollowUp => "Uppföljning", "Follow-up";
    StatusLabel => "Status", "Status";
    NoneChoice => "Ingen", "None";
    PriorityLabel => "Prioritet", "Priority";
    OwnerLabel => "Ansvarig", "Owner";
    DueLabel => "Klart senast", "Due";
    DueHint => "Skriv ett datum som 2027-03-31", "Write a date such as 2027-03-31";
    StepLabel => "Steg i presentationen", "Step in the presentation";
    NoStep => "inget", "none";
    StepNumber => "Visas vid steg", "Shown at step";
    NumberSteps => "Numrera steg i läsordning", "Number steps in reading order";
    Themes => "Teman", "Themes";
    AddTheme => "Lägg till tema", "Add theme";
    NewThemeName => "Nytt tema", "New theme";
    ThemeTitle => "Temats namn", "Theme name";
    ThemeUp => "Flytta upp", "Move up";
    ThemeDown => "Flytta ned", "Move down";
    RemoveTheme => "Ta bort tema (korten blir kvar)", "Remove theme (its cards stay)";
    ThemeHeight => "Höjd", "Height";
    Summary => "Sammanfattning…", "Summary…";
    Present => "Presentera", "Present";
    OpenElsewhere => "Filen är redan öppen i ett annat fönster, som nu visas", "The file is open in another window already, shown now";
    ReadOnly => "skrivskyddad", "read-only";
    PartialTitle => "Delar av filen kunde inte läsas", "Parts of the file could not be read";
    PartialKeep => "Resten kan öppnas. Filen skrivs inte över: spara med Spara som, så finns det som inte kunde läsas kvar i den.", "The rest can be opened. The file is not saved over: save with Save as, and what could not be read stays in it.";
    OpenRest => "Öppna resten", "Open the rest";
    PartialOpened => "Öppnad utan det som inte kunde läsas – spara med Spara som", "Opened without what could not be read – save with Save as";
    RecentFiles => "Senaste filer", "Recent files";
    ForgetRecent => "Ta bort ur listan", "Remove from the list";
    Missing => "saknas", "missing";
    Welcome => "Välkommen till Målbild", "Welcome to Målbild";
    StartNew => "Ny målbild…", "New målbild…";
    StartOpen => "Öppna en fil…", "Open a file…";
    StartContinue => "Fortsätt med exemplet", "Go on with the example";
    Revert => "Återgå till senast sparade", "Revert to last saved";
    RevertQuestion => "Ändringarna sedan du senast sparade försvinner. Filen öppnas som den sparades.", "The changes since you last saved are thrown away. The file opens as it was saved.";
    RevertButton => "Återgå", "Revert";
    NothingToRevert => "Inga ändringar sedan filen sparades", "No changes since the file was saved";
    RecoverTitle => "Arbete som inte hann sparas", "Work that was not saved";
    RecoverBody => "Målbild stängdes innan allt var sparat. Det här finns kvar – återställ det, spara det någon annanstans eller släng det.", "Målbild closed before everything was saved. This was kept – restore it, save it elsewhere or throw it away.";
    Restore => "Återställ", "Restore";
    SaveElsewhere => "Spara som…", "Save as…";
    Discard => "Släng", "Discard";
    Later => "Senare", "Later";
    Unreadable => "Kan inte läsas", "Cannot be read";
    ExportMarks => "Med status och röstprickar", "With statuses and voting dots";
    NewFromTemplate => "Ny målbild – välj en mall", "New målbild – choose a template";
    OwnTemplates => "Egna mallar", "Your templates";
    SaveAsTemplate => "Spara som mall…", "Save as template…";
    TemplateName => "Mallens namn", "Name of the template";
    TemplateSaved => "Mallen är sparad", "The template is saved";
    TemplateNameHint => "Ge mallen ett namn med minst en bokstav eller siffra.", "Give the template a name with at least one letter or digit.";
    NoDataFolder => "Systemet anger ingen mapp för programdata, så mallen kan inte sparas.", "The system names no folder for program data, so the template cannot be saved.";
    ToggleFilter => "Filtrera uppföljningen", "Filter the follow-up";
    FilterLabel => "Filter:", "Filter:";
    NoStatus => "Utan status", "No status";
    FilterAll => "alla", "all";
    ThemeLabel => "Tema", "Theme";
    ChangedSince => "Ändrat sedan", "Changed since";
    FilterClear => "Rensa", "Clear";
    Timer => "Timer", "Timer";
    TimeIsUp => "Tiden är ute", "Time is up";
    TimerPause => "Paus", "Pause";
    TimerResume => "Fortsätt", "Resume";
    TimerAddMinute => "+1 min", "+1 min";
    TimerStop => "Stoppa", "Stop";
    TimerOwn => "Egen tid", "Own time";
    TimerStart => "Starta", "Start";
    Voting => "Röstning med prickar", "Dot voting";
    DotsPerPerson => "Prickar per person", "Dots per person";
    Unlimited => "Obegränsat", "Unlimited";
    StartVoting => "Starta röstning", "Start voting";
    NextPerson => "Nästa person", "Next person";
    EndVoting => "Avsluta röstningen", "End voting";
    ShowDots => "Visa prickarna", "Show the dots";
    ClearDots => "Rensa prickarna", "Clear the dots";
    DeleteRound => "Ta bort omröstningen", "Delete the round";
    Results => "Resultat", "Results";
    VotingTip => "Klicka på ett kort för att ge det en prick; högerklicka (eller Alt+klicka) för att ta tillbaka en.", "Click a card to give it a dot; right-click (or Alt+click) to take one back.";
    SummarySaved => "Sammanfattningen är sparad", "The summary is saved";
    PictureColor => "Färg", "Colour";
    OwnColors => "Egna färger", "Own colours";
    Library => "Bildbibliotek", "Picture library";
    LibrarySearchLabel => "Sök bland bilderna", "Search the pictures";
    LibrarySearch => "Sök: hem, sjukhus, äldre, buss …", "Search: home, hospital, elderly, bus …";
    LibraryNothing => "Inget hittades. Prova ett annat ord, på svenska eller engelska.", "Nothing found. Try another word, in Swedish or English.";
    LibraryAll => "Alla", "All";
    LibraryIllustrations => "Illustrationer", "Illustrations";
    LibraryIcons => "Ikoner", "Icons";
    LibraryRecent => "Senast använda", "Recently used";
    LibraryHint => "Klicka eller tryck Enter för att lägga i mitten; dra för att lägga där du släpper.", "Click or press Enter to place in the middle; drag to place where you drop.";
    CategoryPeople => "Människor", "People";
    CategoryPlaces => "Platser", "Places";
    CategoryCare => "Vård", "Care";
    CategoryTransport => "Resor", "Transport";
    CategoryDigital => "Digitalt", "Digital";
    CategoryNature => "Natur", "Nature";
    CategorySymbols => "Symboler", "Symbols";
    InsertPicture => "Infoga bild…", "Insert picture…";
    PictureFilter => "Bilder", "Pictures";
    PictureFailed => "Bilden kunde inte läsas (ett fel i avkodningen).", "The picture could not be read (a fault in decoding).";
    PictureOpening => "Läser bilden …", "Reading the picture …";
    HighlightStroke => "Överstrykning", "Highlight";
    EmptyShape => "tom form", "empty shape";
    SelectTool => "Markera", "Select";
    ShapeTool => "Form", "Shape";
    TextTool => "Text", "Text";
    PenTool => "Penna", "Pen";
    HighlighterTool => "Överstrykningspenna", "Highlighter";
    EraserTool => "Sudd", "Eraser";
    MarkerTool => "Markör", "Marker";
    MenuTools => "Verktyg", "Tools";
    TipPen => "Rita med musen. Esc: tillbaka till markering.", "Draw with the mouse. Esc: back to selecting.";
    TipEraser => "Dra över penndrag för att sudda bort dem. Esc: klar.", "Drag over pen strokes to erase them. Esc: done.";
    TipShape => "Dra för att rita formen, eller klicka för en i standardstorlek. Skift: lika sidor.", "Drag to draw the shape, or click for one of the usual size. Shift: equal sides.";
    TipText => "Klicka där texten ska stå och skriv.", "Click where the text goes and type.";
    OutlineRectangle => "Rektangel", "Rectangle";
    OutlineRounded => "Rundad rektangel", "Rounded rectangle";
    OutlineEllipse => "Ellips", "Ellipse";
    OutlineDiamond => "Romb", "Diamond";
    OutlineCloud => "Moln", "Cloud";
    OutlineSpeech => "Pratbubbla", "Speech bubble";
    OutlineBanner => "Banderoll", "Banner";
    OutlineBlockArrow => "Blockpil", "Block arrow";
    BringForward => "Flytta framåt", "Bring forward";
    SendBackward => "Flytta bakåt", "Send backward";
    BringToFront => "Längst fram", "Bring to front";
    SendToBack => "Längst bak", "Send to back";
    Group => "Gruppera", "Group";
    Ungroup => "Dela upp grupp", "Ungroup";
    Lock => "Lås", "Lock";
    Unlock => "Lås upp", "Unlock";
    Locked => "låst", "locked";
    Grouped => "i grupp", "grouped";
    Arrange => "Ordna", "Arrange";
    AlignMenu => "Justera", "Align";
    AlignLeft => "Vänsterkanter", "Left edges";
    AlignCenter => "Vågräta mitten", "Horizontal centres";
    AlignRight => "Högerkanter", "Right edges";
    AlignTop => "Överkanter", "Top edges";
    AlignMiddle => "Lodräta mitten", "Vertical centres";
    AlignBottom => "Nederkanter", "Bottom edges";
    DistributeH => "Fördela vågrätt", "Distribute horizontally";
    DistributeV => "Fördela lodrätt", "Distribute vertically";
    Fill => "Fyllning", "Fill";
    NoFill => "Ingen fyllning", "No fill";
    LineColor => "Linjefärg", "Line colour";
    Outline => "Kontur", "Outline";
    TextAlign => "Justering", "Alignment";
    AlignTextLeft => "Vänster", "Left";
    AlignTextCenter => "Centrerad", "Centre";
    AlignTextRight => "Höger", "Right";
    PenWidthLabel => "Bredd", "Width";
    Rotation => "Vridning", "Rotation";
    Snap => "Fäst mot andra", "Snap to others";
    Grid => "Rutnät", "Grid";
    Rotate => "Vrid", "Rotate";
    Phase => "Fas", "Phase";
    PhaseTitle => "Rubrik", "Title";
    PhaseTint => "Bakgrund", "Background";
    PhaseWidth => "Bredd", "Width";
    Colour => "Färg", "Colour";
    NewCardColour => "Färg för nya kort", "Colour of new cards";
    Document => "Dokument", "Document";
    DocumentTitle => "Namn", "Name";
    BoardHeight => "Höjd", "Height";
    Properties => "Egenskaper", "Properties";
    NothingSelected => "Inget markerat", "Nothing selected";
    TipDoubleClick => "Dubbelklicka på en tom yta för ett nytt kort.", "Double-click an empty spot for a new card.";
    TipTab => "Tabb när du skriver: klart, och nästa kort bredvid.", "Tab while typing: done, and the next card beside it.";
    TipPan => "Dra med mellanknappen eller mellanslag för att panorera; Ctrl+hjul zoomar.", "Drag with the middle button or Space to pan; Ctrl+wheel zooms.";
    TipDraw => "R form, T text, P penna, H överstrykning, E sudd; Ctrl+G grupperar.", "R shape, T text, P pen, H highlighter, E eraser; Ctrl+G groups.";
    TipPhaseKeys => "1, 2, 3 zoomar till en fas; Shift+1 visar allt.", "1, 2, 3 zoom to a phase; Shift+1 fits all.";
    TipEditing => "Esc eller Ctrl+Enter: klart · Tabb: nästa kort", "Esc or Ctrl+Enter: done · Tab: next card";
    TipEditingText => "Esc eller Ctrl+Enter: klart", "Esc or Ctrl+Enter: done";
    TipWalk => "På arbetsytan: Tabb och Shift+Tabb markerar nästa och föregående kort eller pil · Esc lämnar", "On the canvas: Tab and Shift+Tab select the next and previous card or arrow · Esc leaves";
    UnsavedTitle => "Osparade ändringar", "Unsaved changes";
    UnsavedBody => "Vill du spara ändringarna innan du fortsätter?", "Do you want to save your changes before you go on?";
    DontSave => "Spara inte", "Don't save";
    Cancel => "Avbryt", "Cancel";
    Ok => "OK", "OK";
    Close => "Stäng", "Close";
    OpenFailed => "Filen kunde inte öppnas", "The file could not be opened";
    SaveFailed => "Filen kunde inte sparas", "The file could not be saved";
    KeptOpen => "Det öppna dokumentet är kvar som det var.", "The open document is kept as it was.";
    Saved => "Sparat", "Saved";
    ChoosingFile => "Väljer fil…", "Choosing a file…";
    Saving => "Sparar…", "Saving…";
    SaveInterrupted => "Sparandet avbröts innan filen var skriven.", "The save was interrupted before the file was written.";
    AboutBody => "Rita målbilden för omställningen till Nära vård: nuläge → övergång → målbild.", "Draw the picture of the shift to Nära vård (close care): current state → transition → target.";
    Licences => "Typsnitt: Inter (SIL Open Font License 1.1).", "Font: Inter (SIL Open Font License 1.1).";
    ColourYellow => "Gul", "Yellow";
    ColourOrange => "Orange", "Orange";
    ColourPink => "Rosa", "Pink";
    ColourRed => "Röd", "Red";
    ColourPurple => "Lila", "Purple";
    ColourBlue => "Blå", "Blue";
    ColourTeal => "Turkos", "Teal";
    ColourGreen => "Grön", "Green";
    ColourGrey => "Grå", "Grey";
    ColourWhite => "Vit", "White";
    ColourNavy => "Marinblå", "Navy";
    Selected => "markerat", "selected";
    FileFilter => "Målbild-arbetsyta", "Målbild canvas";
    OpenButton => "Öppna", "Open";
    Export => "Exportera bild…", "Export picture…";
    ExportTitle => "Exportera bild", "Export picture";
    Scope => "Vad", "What";
    ScopeAll => "Hela bilden", "Everything";
    ScopeSelection => "Markeringen", "Selection";
    SizeLabel => "Storlek", "Size";
    SizeScale => "Skala", "Scale";
    SizeWidth => "Bredd", "Width";
    SizePaper => "Papper", "Paper";
    SizeFrame => "Fast storlek", "Fixed size";
    Presets => "Färdiga val", "Presets";
    PresetSlide => "Bild 16:9", "Slide 16:9";
    PresetPoster => "Affisch", "Poster";
    Landscape => "Liggande", "Landscape";
    Portrait => "Stående", "Portrait";
    BackgroundLabel => "Bakgrund", "Background";
    BgPhases => "Fasernas färger", "Phase colours";
    BgWhite => "Vit", "White";
    BgTransparent => "Genomskinlig", "Transparent";
    Padding => "Marginal", "Margin";
    Embed => "Lägg den redigerbara arbetsytan i PNG-filen", "Put the editable canvas inside the PNG";
    ExportPng => "Exportera PNG…", "Export PNG…";
    ExportButton => "Exportera", "Export";
    ExportSvg => "Exportera SVG…", "Export SVG…";
    Exporting => "Exporterar…", "Exporting…";
    ExportFailed => "Exporten misslyckades", "The export failed";
    Arrow => "Pil", "Arrow";
    ArrowTool => "Pil", "Arrow";
    ArrowLabel => "Pilens etikett", "Arrow label";
    EditLabel => "Skriv etikett", "Write label";
    Reverse => "Vänd riktning", "Reverse";
    RouteLabel => "Linjeföring", "Route";
    RouteStraight => "Rak", "Straight";
    RouteCurved => "Böjd", "Curved";
    RouteElbow => "Vinklad", "Elbow";
    StartHead => "Början", "Start";
    EndHead => "Slut", "End";
    HeadNone => "Ingen", "None";
    HeadTriangle => "Triangel", "Triangle";
    HeadOpen => "Öppen", "Open";
    HeadDot => "Punkt", "Dot";
    LineLabel => "Linje", "Line";
    LineSolid => "Heldragen", "Solid";
    LineDashed => "Streckad", "Dashed";
    LineDotted => "Prickad", "Dotted";
    WidthLabel => "Tjocklek", "Width";
    WidthThin => "Tunn", "Thin";
    WidthMedium => "Medel", "Medium";
    WidthBold => "Tjock", "Bold";
    TipArrow => "A: rita en pil. Dra från en punkt vid ett korts kant för att dra en pil därifrån.", "A: draw an arrow. Drag from a dot at a card's edge to pull an arrow from it.";
    TipArrowTool => "Dra från ett kort till ett annat. Esc: avbryt.", "Drag from one card to another. Esc: cancel.";
    TypePath => "Ingen fildialog kan visas här. Skriv filens sökväg:", "No file dialog can be shown here. Type the file's path:";
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
    match lang {
        Lang::Sv => format!(
            "Sparad av en nyare Målbild (format {version}) – öppnad skrivskyddad; Spara som behåller en kopia i den här versionens format"
        ),
        Lang::En => format!(
            "Saved by a newer Målbild (format {version}) – opened read-only; Save as keeps a copy in this version's format"
        ),
    }
}

/// "2 av 14 element i ”x.malbild” kunde inte läsas och lämnas utanför:".
pub fn partial_body(name: &str, dropped: usize, total: usize, lang: Lang) -> String {
    match lang {
        Lang::Sv => {
            format!("{dropped} av {total} element i ”{name}” kunde inte läsas och lämnas utanför:")
        }
        Lang::En => {
            format!("{dropped} of {total} elements in “{name}” could not be read and are left out:")
        }
    }
}

/// "för 5 minuter sedan" / "5 minutes ago".
pub fn ago(seconds: u64, lang: Lang) -> String {
    let (n, sv1, svn, en) = match seconds {
        0..60 => {
            return match lang {
                Lang::Sv => "nyss".to_owned(),
                Lang::En => "just now".to_owned(),
            };
        }
        60..3600 => (seconds / 60, "minut", "minuter", "minute"),
        3600..86_400 => (seconds / 3600, "timme", "timmar", "hour"),
        _ => (seconds / 86_400, "dag", "dagar", "day"),
    };
    match (lang, n) {
        (Lang::Sv, 1) => format!("för 1 {sv1} sedan"),
        (Lang::Sv, _) => format!("för {n} {svn} sedan"),
        (Lang::En, 1) => format!("1 {en} ago"),
        (Lang::En, _) => format!("{n} {en}s ago"),
    }
}

/// "Omröstning 2" / "Vote 2": the name of a new round.
pub fn round_name(n: usize, lang: Lang) -> String {
    match lang {
        Lang::Sv => format!("Omröstning {n}"),
        Lang::En => format!("Vote {n}"),
    }
}

/// "Person 2: 1 prick kvar" / "Person 2: 1 dot left" (`None`: as many as they like).
pub fn dots_left(person: u32, left: Option<u32>, lang: Lang) -> String {
    match (lang, left) {
        (Lang::Sv, None) => format!("Person {person}: obegränsat"),
        (Lang::Sv, Some(1)) => format!("Person {person}: 1 prick kvar"),
        (Lang::Sv, Some(n)) => format!("Person {person}: {n} prickar kvar"),
        (Lang::En, None) => format!("Person {person}: unlimited"),
        (Lang::En, Some(1)) => format!("Person {person}: 1 dot left"),
        (Lang::En, Some(n)) => format!("Person {person}: {n} dots left"),
    }
}

/// "3 prickar" / "3 dots".
pub fn dots(n: u64, lang: Lang) -> String {
    match (lang, n) {
        (Lang::Sv, 1) => "1 prick".to_owned(),
        (Lang::Sv, _) => format!("{n} prickar"),
        (Lang::En, 1) => "1 dot".to_owned(),
        (Lang::En, _) => format!("{n} dots"),
    }
}

/// "3 kort" / "3 cards".
pub fn cards(n: usize, lang: Lang) -> String {
    match (lang, n) {
        (Lang::Sv, _) => format!("{n} kort"),
        (Lang::En, 1) => "1 card".to_owned(),
        (Lang::En, _) => format!("{n} cards"),
    }
}

/// "3 pilar" / "3 arrows".
pub fn arrows(n: usize, lang: Lang) -> String {
    match (lang, n) {
        (Lang::Sv, 1) => "1 pil".to_owned(),
        (Lang::Sv, _) => format!("{n} pilar"),
        (Lang::En, 1) => "1 arrow".to_owned(),
        (Lang::En, _) => format!("{n} arrows"),
    }
}

/// The shapes, free texts and strokes of a document, those there are: "2 former, 1 text,
/// 4 penndrag" / "2 shapes, 1 text, 4 strokes" (empty if there are none).
pub fn other_elements(doc: &crate::model::Document, lang: Lang) -> String {
    use crate::model::Kind;
    let parts: Vec<String> = [
        Kind::Shape,
        Kind::Text,
        Kind::Stroke,
        Kind::Illustration,
        Kind::Image,
    ]
    .into_iter()
    .map(|k| (k, doc.count(k)))
    .filter(|(_, n)| *n > 0)
    .map(|(k, n)| match (k, lang, n) {
        (Kind::Shape, Lang::Sv, 1) => "1 form".to_owned(),
        (Kind::Shape, Lang::Sv, _) => format!("{n} former"),
        (Kind::Shape, Lang::En, 1) => "1 shape".to_owned(),
        (Kind::Shape, Lang::En, _) => format!("{n} shapes"),
        (Kind::Text, Lang::Sv, 1) => "1 text".to_owned(),
        (Kind::Text, Lang::Sv, _) => format!("{n} texter"),
        (Kind::Text, Lang::En, 1) => "1 text".to_owned(),
        (Kind::Text, Lang::En, _) => format!("{n} texts"),
        (Kind::Illustration, Lang::Sv, 1) => "1 illustration".to_owned(),
        (Kind::Illustration, Lang::Sv, _) => format!("{n} illustrationer"),
        (Kind::Illustration, Lang::En, 1) => "1 illustration".to_owned(),
        (Kind::Illustration, Lang::En, _) => format!("{n} illustrations"),
        (Kind::Image, Lang::Sv, 1) => "1 bild".to_owned(),
        (Kind::Image, Lang::Sv, _) => format!("{n} bilder"),
        (Kind::Image, Lang::En, 1) => "1 picture".to_owned(),
        (Kind::Image, Lang::En, _) => format!("{n} pictures"),
        (_, Lang::Sv, _) => format!("{n} penndrag"),
        (_, Lang::En, 1) => "1 stroke".to_owned(),
        (_, Lang::En, _) => format!("{n} strokes"),
    })
    .collect();
    parts.join(", ")
}

/// "3 kort markerade" / "3 cards selected".
pub fn cards_selected(n: usize, lang: Lang) -> String {
    match (lang, n) {
        (Lang::Sv, 1) => "1 kort markerat".to_owned(),
        (Lang::Sv, _) => format!("{n} kort markerade"),
        (Lang::En, 1) => "1 card selected".to_owned(),
        (Lang::En, _) => format!("{n} cards selected"),
    }
}

/// "3 markerade" / "3 selected", for a mix of kinds.
pub fn selected(n: usize, lang: Lang) -> String {
    match (lang, n) {
        (Lang::Sv, 1) => "1 markerad".to_owned(),
        (Lang::Sv, _) => format!("{n} markerade"),
        (Lang::En, _) => format!("{n} selected"),
    }
}

/// "Pil från «a» till «b»", with either end possibly free.
pub fn arrow_description(from: Option<&str>, to: Option<&str>, lang: Lang) -> String {
    let (arrow, from_w, to_w) = match lang {
        Lang::Sv => ("Pil", "från", "till"),
        Lang::En => ("Arrow", "from", "to"),
    };
    let mut s = arrow.to_owned();
    if let Some(f) = from {
        s.push_str(&format!(" {from_w} «{f}»"));
    }
    if let Some(t) = to {
        s.push_str(&format!(" {to_w} «{t}»"));
    }
    s
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
    let why = tidy(why);
    match lang {
        Lang::Sv => format!("Det kopierade går inte att klistra in: {why}"),
        Lang::En => format!("What was copied cannot be pasted: {why}"),
    }
}

/// A change that could not be made (the document did not hold what it was made for).
pub fn edit_error(e: &crate::edit::EditError, lang: Lang) -> String {
    use crate::edit::EditError;
    match (e, lang) {
        (EditError::UnknownElement(_), Lang::Sv) => {
            "Ändringen gjordes inte: det den gällde finns inte längre.".to_owned()
        }
        (EditError::UnknownElement(_), Lang::En) => {
            "The change was not made: what it was for is no longer there.".to_owned()
        }
        (EditError::DuplicateElement(_), Lang::Sv) => {
            "Ändringen gjordes inte: den skulle ha lagt till något som redan finns.".to_owned()
        }
        (EditError::DuplicateElement(_), Lang::En) => {
            "The change was not made: it would have added something already there.".to_owned()
        }
    }
}

/// "Exporterat till /väg/bild.png".
pub fn exported_to(path: &str, lang: Lang) -> String {
    match lang {
        Lang::Sv => format!("Exporterat till {path}"),
        Lang::En => format!("Exported to {path}"),
    }
}

/// "3840 × 2160 bildpunkter".
pub fn pixels(w: u32, h: u32, lang: Lang) -> String {
    match lang {
        Lang::Sv => format!("{w} × {h} bildpunkter"),
        Lang::En => format!("{w} × {h} pixels"),
    }
}

/// The names of the phases (the same in both languages: they are the method's own words).
pub fn phase_name(p: crate::model::PhaseId, _lang: Lang) -> &'static str {
    match p {
        crate::model::PhaseId::Nulage => "Nuläge",
        crate::model::PhaseId::Overgang => "Övergång",
        crate::model::PhaseId::Malbild => "Målbild",
    }
}

/// "Sparat i fil.malbild".
pub fn saved_to(name: &str, lang: Lang) -> String {
    match lang {
        Lang::Sv => format!("Sparat i {name}"),
        Lang::En => format!("Saved to {name}"),
    }
}

/// "Öppnade fil.malbild".
pub fn opened(name: &str, lang: Lang) -> String {
    match lang {
        Lang::Sv => format!("Öppnade {name}"),
        Lang::En => format!("Opened {name}"),
    }
}

/// "Spara ändringarna i ”namn”?"
pub fn unsaved_question(name: &str, lang: Lang) -> String {
    match lang {
        Lang::Sv => format!("Spara ändringarna i ”{name}”?"),
        Lang::En => format!("Save the changes to “{name}”?"),
    }
}

/// What went wrong when opening a file, in plain words.
pub fn load_error(e: &LoadError, lang: Lang) -> String {
    use crate::io::{MAX_FILE_BYTES, VERSION};
    if lang == Lang::En {
        let s = e.to_string();
        let mut c = s.chars();
        return match c.next() {
            Some(f) => f.to_uppercase().chain(c).collect::<String>() + ".",
            None => s,
        };
    }
    match e {
        LoadError::Io(kind, detail) => format!("Filen kunde inte läsas: {}.", io_sv(kind, detail)),
        LoadError::TooLarge { bytes } => format!(
            "Filen är för stor ({} MB; högst {} MB).",
            bytes.div_ceil(crate::io::MB),
            MAX_FILE_BYTES / crate::io::MB
        ),
        LoadError::Empty => "Filen är tom.".to_owned(),
        LoadError::MissingFolder(d) => format!("Mappen ”{d}” finns inte."),
        LoadError::NotAFolder(d) => format!("”{d}” är en fil, inte en mapp."),
        LoadError::NotAFile(kind) => format!(
            "Det här är ingen vanlig fil utan {}, och den läses inte.",
            kind_sv(kind)
        ),
        LoadError::OtherFormat(kind) => format!(
            "Det här är {}, ingen Målbild-arbetsyta.",
            match *kind {
                "a JPEG image" => "en JPEG-bild",
                "a GIF image" => "en GIF-bild",
                "a BMP image" => "en BMP-bild",
                "a TIFF image" => "en TIFF-bild",
                "a WebP image" => "en WebP-bild",
                "a PDF document" => "ett PDF-dokument",
                "a gzip archive" => "ett gzip-arkiv",
                "an SVG or other XML document" => "ett SVG- eller annat XML-dokument",
                _ => "ett ZIP-arkiv (som en Word- eller PowerPoint-fil)",
            }
        ),
        LoadError::EmbeddedTooLarge => format!(
            "Arbetsytan i bilden (PNG) är större än {} MB och packas inte upp.",
            crate::io::MAX_EMBEDDED_BYTES / crate::io::MB
        ),
        LoadError::EmbeddedEmpty => "Arbetsytan i bilden (PNG) är tom.".to_owned(),
        LoadError::Image => "Bilden (PNG) innehåller ingen Målbild-arbetsyta (det gör bara bilder som exporterats med arbetsytan i).".to_owned(),
        LoadError::BrokenImage => "Bilden (PNG) är skadad och går inte att läsa.".to_owned(),
        LoadError::Truncated { line, column } => format!(
            "Filen tar slut för tidigt, på rad {line}, kolumn {column}: den är avklippt eller ofullständig."
        ),
        LoadError::Syntax {
            line,
            column,
            detail,
        } => format!("Filen är inte giltig JSON: {detail}, på rad {line}, kolumn {column}."),
        LoadError::NotMalbild(why) => format!("Det här är ingen Målbild-arbetsyta ({why})."),
        LoadError::Newer { found } => format!(
            "Filen har version {found} och är gjord med en nyare Målbild. Den här versionen läser version 1 till {VERSION}."
        ),
        LoadError::BadVersion(v) => format!("Filen har en ogiltig version: {v}."),
        LoadError::Invalid { path, detail } => {
            format!("Filen stämmer inte med formatet vid `{path}`: {detail}.")
        }
    }
}

/// A kind of file that is not a regular one, in Swedish.
fn kind_sv(kind: &str) -> &'static str {
    match kind {
        "a folder" => "en mapp",
        "a pipe" => "en rörledning (pipe)",
        "a device" => "en enhet",
        "a socket" => "en socket",
        "a link to nothing" => "en länk till en fil som inte finns",
        _ => "en specialfil",
    }
}

/// An I/O error of `kind` in Swedish (the system's `detail` where there is no plainer word).
fn io_sv(kind: &std::io::ErrorKind, detail: &str) -> String {
    use std::io::ErrorKind;
    match kind {
        ErrorKind::NotFound => "filen finns inte".to_owned(),
        ErrorKind::PermissionDenied => "behörighet saknas".to_owned(),
        ErrorKind::ReadOnlyFilesystem => "disken är skrivskyddad".to_owned(),
        ErrorKind::StorageFull => "disken är full".to_owned(),
        ErrorKind::IsADirectory => "det är en mapp".to_owned(),
        _ => detail.to_owned(),
    }
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
    // Howard Hinnant's days-to-civil.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    const SV: [&str; 12] = [
        "januari",
        "februari",
        "mars",
        "april",
        "maj",
        "juni",
        "juli",
        "augusti",
        "september",
        "oktober",
        "november",
        "december",
    ];
    const EN: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let names = if lang == Lang::Sv { &SV } else { &EN };
    let name = names
        .get((month as usize).clamp(1, 12) - 1)
        .copied()
        .unwrap_or_default();
    format!("{day} {name} {year}")
}

/// Why a canvas is not saved: its file would be larger than a file that opens may be.
pub fn too_large_to_save(bytes: u64, lang: Lang) -> String {
    use crate::io::{MAX_FILE_BYTES, MB};
    match lang {
        Lang::Sv => format!(
            "Arbetsytan är för stor för att sparas ({} MB; högst {} MB kan öppnas igen).",
            bytes.div_ceil(MB),
            MAX_FILE_BYTES / MB
        ),
        Lang::En => format!(
            "The canvas is too large to save ({} MB; at most {} MB can be opened again).",
            bytes.div_ceil(MB),
            MAX_FILE_BYTES / MB
        ),
    }
}

/// Why a paste made nothing, in plain words.
pub fn paste_error(e: &crate::edit::clipboard::PasteError, lang: Lang) -> String {
    use crate::edit::clipboard::{MAX_PASTED_CARDS, PasteError};
    match (e, lang) {
        (PasteError::Empty, _) => Msg::ClipboardEmpty.text(lang).to_owned(),
        (PasteError::TooManyLines, Lang::Sv) => format!(
            "Texten har fler än {MAX_PASTED_CARDS} rader; en inklistring gör högst {MAX_PASTED_CARDS} kort."
        ),
        (PasteError::TooManyLines, Lang::En) => format!(
            "The text has more than {MAX_PASTED_CARDS} lines; one paste makes at most {MAX_PASTED_CARDS} cards."
        ),
    }
}

/// Why a picture cannot be used, in plain words.
pub fn picture_error(e: &crate::picture::PictureError, lang: Lang) -> String {
    use crate::picture::{MAX_DECODED_BYTES, MAX_FILE_BYTES, MAX_SIDE, PictureError};
    let mp = MAX_DECODED_BYTES / 4 / 1_000_000;
    let mb = MAX_FILE_BYTES / 1024 / 1024;
    match (e, lang) {
        (PictureError::NotAPicture, Lang::Sv) => {
            "det är ingen bild som Målbild kan läsa (PNG, JPEG, WebP, GIF eller SVG)".to_owned()
        }
        (PictureError::TooLarge { w, h }, Lang::Sv) if *w > 0 => format!(
            "bilden är för stor ({w} × {h} bildpunkter; högst {MAX_SIDE} på en sida och {mp} megapixel)"
        ),
        (PictureError::TooLarge { .. }, Lang::Sv) => format!(
            "bilden är för stor (högst {MAX_SIDE} bildpunkter på en sida och {mp} megapixel)"
        ),
        (PictureError::FileTooLarge(b), Lang::Sv) => format!(
            "filen är för stor ({} MB; högst {mb} MB)",
            b.div_ceil(1024 * 1024)
        ),
        (PictureError::Damaged, Lang::Sv) => {
            "bilden är skadad eller avklippt och kan inte läsas".to_owned()
        }
        (PictureError::Empty, Lang::Sv) => "bilden har ingen storlek".to_owned(),
        (PictureError::RefersOutside, Lang::Sv) => {
            "SVG-bilden hänvisar till filer eller webbadresser utanför sig själv, och sådana läses aldrig".to_owned()
        }
        (e, Lang::En) => e.to_string(),
    }
}

/// Pictures that could not be put on the canvas, and why.
pub fn pictures_refused(list: &str, lang: Lang) -> String {
    match lang {
        Lang::Sv => format!("Bilden kunde inte läggas in: {list}."),
        Lang::En => format!("The picture could not be put in: {list}."),
    }
}

/// An export error in plain words.
pub fn export_error(e: &crate::export::ExportError, lang: Lang) -> String {
    use crate::export::{ExportError, MAX_PIXEL_BYTES};
    if lang == Lang::En {
        return e.to_string();
    }
    match e {
        ExportError::EmptySelection => "inget är markerat att exportera".to_owned(),
        ExportError::TooLarge {
            width,
            height,
            bytes,
        } => format!(
            "bilden skulle bli {width} × {height} bildpunkter ({} MB), mer än gränsen {} MB",
            bytes / crate::io::MB,
            MAX_PIXEL_BYTES / crate::io::MB
        ),
        ExportError::BadSize(m) => format!("storleken går inte att använda: {m}"),
        ExportError::TooMuch { elements, bytes } => format!(
            "bilden innehåller för mycket för att ritas på en gång ({elements} element, omkring {} MB former; högst {} MB): exportera en fas eller en markering",
            bytes / crate::io::MB,
            crate::export::MAX_SHAPE_BYTES / crate::io::MB
        ),
        ExportError::Cancelled => "exporten avbröts".to_owned(),
        ExportError::Encode(m) => format!("bilden kunde inte kodas: {m}"),
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
    match (problem, lang) {
        (Some(PathProblem::MissingFolder(d)), Lang::Sv) => format!(
            "Filen kunde inte skrivas: mappen ”{}” finns inte.",
            d.display()
        ),
        (Some(PathProblem::MissingFolder(d)), Lang::En) => format!(
            "The file could not be written: the folder “{}” does not exist.",
            d.display()
        ),
        (Some(PathProblem::NotAFolder(d)), Lang::Sv) => format!(
            "Filen kunde inte skrivas: ”{}” är en fil, inte en mapp.",
            d.display()
        ),
        (Some(PathProblem::NotAFolder(d)), Lang::En) => format!(
            "The file could not be written: “{}” is a file, not a folder.",
            d.display()
        ),
        (None, Lang::Sv) => match e
            .get_ref()
            .and_then(|i| i.downcast_ref::<crate::io::NotRegular>())
        {
            Some(crate::io::NotRegular(kind)) => format!(
                "Filen kunde inte skrivas: det är {}, ingen vanlig fil, och den ersätts inte.",
                kind_sv(kind)
            ),
            None => format!(
                "Filen kunde inte skrivas: {}.",
                io_sv(&e.kind(), &e.to_string())
            ),
        },
        (None, Lang::En) => format!(
            "The file could not be written: {}.",
            crate::io::io_message(&e.kind(), &e.to_string())
        ),
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
