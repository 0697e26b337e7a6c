# Målbild: messages made of values (counts, names, errors), in English.

newer-notice = Saved by a newer Målbild (format { $version }) – opened read-only; Save as keeps a copy in this version's format
partial-body = { $dropped } of { $total } elements in “{ $name }” could not be read and are left out:

ago-now = just now
ago-minutes = { $n } { $n ->
    [one] minute
   *[other] minutes
} ago
ago-hours = { $n } { $n ->
    [one] hour
   *[other] hours
} ago
ago-days = { $n } { $n ->
    [one] day
   *[other] days
} ago

round-name = Vote { $n }
dots-unlimited = Person { $person }: unlimited
dots-left = Person { $person }: { $n } { $n ->
    [one] dot
   *[other] dots
} left
dots = { $n } { $n ->
    [one] dot
   *[other] dots
}
cards = { $n } { $n ->
    [one] card
   *[other] cards
}
arrows = { $n } { $n ->
    [one] arrow
   *[other] arrows
}
count-shapes = { $n } { $n ->
    [one] shape
   *[other] shapes
}
count-texts = { $n } { $n ->
    [one] text
   *[other] texts
}
count-illustrations = { $n } { $n ->
    [one] illustration
   *[other] illustrations
}
count-pictures = { $n } { $n ->
    [one] picture
   *[other] pictures
}
count-strokes = { $n } { $n ->
    [one] stroke
   *[other] strokes
}
cards-selected = { $n } { $n ->
    [one] card
   *[other] cards
} selected
count-selected = { $n } selected

arrow-from-to = Arrow from «{ $from }» to «{ $to }»
arrow-from = Arrow from «{ $from }»
arrow-to = Arrow to «{ $to }»
arrow-free = Arrow

paste-unreadable = What was copied cannot be pasted: { $why }
paste-too-many-lines = The text has more than { $max } lines; one paste makes at most { $max } cards.
edit-error-unknown = The change was not made: what it was for is no longer there.
edit-error-duplicate = The change was not made: it would have added something already there.
exported-to = Exported to { $path }
pixels = { $w } × { $h } pixels
saved-to = Saved to { $name }
opened = Opened { $name }
unsaved-question = Save the changes to “{ $name }”?

phase-nulage = Nuläge
phase-overgang = Övergång
phase-malbild = Målbild

## Opening a file

load-io = Cannot read the file: { $why }.
load-too-large = The file is too large ({ $mb } MB; at most { $max } MB).
load-empty = The file is empty.
load-missing-folder = The folder “{ $folder }” does not exist.
load-not-a-folder = “{ $folder }” is a file, not a folder.
load-not-a-file = It is not a regular file but { $kind }, and is not read.
load-other-format = This is { $kind ->
    [jpeg] a JPEG image
    [gif] a GIF image
    [bmp] a BMP image
    [tiff] a TIFF image
    [webp] a WebP image
    [pdf] a PDF document
    [gzip] a gzip archive
    [xml] an SVG or other XML document
   *[zip] a ZIP archive (such as a Word or PowerPoint file)
}, not a Målbild canvas.
load-embedded-too-large = The canvas inside this image (PNG) is larger than { $max } MB, and is not unpacked.
load-embedded-empty = The canvas inside this image (PNG) is empty.
load-image = This image (PNG) holds no Målbild canvas (only PNGs exported with the canvas inside do).
load-broken-image = This image (PNG) is damaged and cannot be read.
load-truncated = The file ends too early at line { $line }, column { $column }: it is cut off or incomplete.
load-syntax = The file is not valid JSON: { $detail } at line { $line }, column { $column }.
load-not-malbild = This is not a Målbild canvas: { $reason ->
    [no-format] it has no `format` field
    [format-not-text] its `format` is not text
    [not-object] the file does not hold a JSON object
   *[other-format] { $detail }
}.
load-newer = The file says it is version { $found }, made by a newer Målbild; this one reads versions 1 to { $version }.
load-bad-version = The file has an invalid version: { $version }.
load-no-version = The file has an invalid version: the `version` field is missing.
load-invalid = The file does not fit the format at `{ $path }`: { $detail }.

file-kind-folder = a folder
file-kind-pipe = a pipe
file-kind-device = a device
file-kind-socket = a socket
file-kind-dangling-link = a link to nothing
file-kind-special = a special file

io-not-found = the file does not exist
io-permission = permission denied
io-read-only = the disk is read-only
io-full = the disk is full
io-is-folder = it is a folder

## Saving and exporting

too-large-to-save = The canvas is too large to save ({ $mb } MB; at most { $max } MB can be opened again).
save-missing-folder = The file could not be written: the folder “{ $folder }” does not exist.
save-not-a-folder = The file could not be written: “{ $folder }” is a file, not a folder.
save-not-regular = The file could not be written: it is { $kind }, not a regular file, and is not replaced.
save-not-written = The file could not be written: { $why }.

export-empty-selection = nothing is selected to export
export-too-large = the picture would be { $w } × { $h } pixels ({ $mb } MB), more than the limit of { $max } MB
export-bad-size = the size is not usable: { $detail }
export-too-much = the picture holds too much to draw at once ({ $elements } elements, about { $mb } MB of shapes; at most { $max } MB): export one phase or a selection
export-cancelled = the export was cancelled
export-encode = the image could not be encoded: { $detail }

## Pictures

picture-not-a-picture = this is not a picture that Målbild reads (PNG, JPEG, WebP, GIF or SVG)
picture-too-large = the picture is too large ({ $w } × { $h } pixels; at most { $side } on a side and { $mp } megapixels)
picture-too-large-unknown = the picture is too large (at most { $side } pixels on a side and { $mp } megapixels)
picture-file-too-large = the file is too large ({ $mb } MB; at most { $max } MB)
picture-damaged = the picture is damaged or cut off and cannot be read
picture-empty = the picture has no size
picture-refers-outside = the SVG refers to files or web addresses outside itself, which are never loaded
pictures-refused = The picture could not be put in: { $list }.

## Dates

date-long = { $day } { $month } { $year }
month-1 = January
month-2 = February
month-3 = March
month-4 = April
month-5 = May
month-6 = June
month-7 = July
month-8 = August
month-9 = September
month-10 = October
month-11 = November
month-12 = December

## Follow-up

status-idea = Idea
status-planned = Planned
status-ongoing = Ongoing
status-done = Done
status-paused = Paused
priority-high = High
priority-medium = Medium
priority-low = Low

## The command line

summary-extension = the summary must end in .md or .csv
library-sheet-illustrations = The picture library: { $n } illustrations
library-sheet-icons = The picture library: { $n } icons

## The summary (Markdown and CSV)

summary-untitled = Målbild
summary-no-theme = No theme
summary-outside = Outside the phases
summary-owner = owner
summary-due = due
summary-priority = priority
summary-votes = votes
summary-vote = vote
summary-step = step
summary-results = Voting
summary-col-phase = phase
summary-col-theme = theme
summary-col-text = text
summary-col-status = status
summary-col-owner = owner
summary-col-date = date
summary-col-priority = priority
summary-col-votes = votes
summary-col-step = step
summary-empty = No cards yet.

## What is wrong with a value in a file (only other languages tell the reader's words again)

detail-missing-field = missing field `{ $name }`
detail-unknown-field = unknown field `{ $name }`
detail-duplicate-field = duplicate field `{ $name }`
detail-unknown-value = unknown variant `{ $value }`{ $expected ->
    [none] {""}
   *[other] , expected one of { $expected }
}
detail-invalid-type = the value is of the wrong kind
detail-invalid-value = the value cannot be used
detail-invalid-quoted = the value cannot be used ({ $values })
detail-upgrade = cannot upgrade from version { $version }: { $what } is not in that version
detail-not-colour = { $value } is not a colour
detail-not-id = { $value } is not an element id
detail-not-order-key = { $value } is not an order key
detail-not-picture-id = { $value } is not a picture id
detail-not-day = { $value } is not a day (YYYY-MM-DD)
detail-not-scale = { $value } is not a usable size
detail-twice = { $value } is there twice
detail-out-of-range = the number { $value } is out of range
detail-crop = the crop is not a part of the picture

## Units and small words of the panels

minutes = { $n } min
unit-min = min
unit-pt = pt
unit-px = px
unit-dpi = dpi
date-format-hint = YYYY-MM-DD
preset-poster-a2 = { $poster } A2
export-stopped = the export stopped unexpectedly
connect-hint = Connect { $from } → { $to }: Tab picks another, Enter connects, Esc stops
in-theme = theme { $theme }
with-priority = priority { $priority }

## malbild check

check-ok = { $path }: ok: Målbild canvas version { $version }{ $upgraded }; title “{ $title }”; 3 phases ({ $phases }); { $cards }, { $arrows }{ $others }
check-upgraded = , upgraded from version { $version }
check-newer = , made by a newer Målbild (format { $version }): opens read-only
check-error = { $path }: error: { $why }
