# Målbild: messages made of values (counts, names, errors), in Swedish.

newer-notice = Sparad av en nyare Målbild (format { $version }) – öppnad skrivskyddad; Spara som behåller en kopia i den här versionens format
partial-body = { $dropped } av { $total } element i ”{ $name }” kunde inte läsas och lämnas utanför:

ago-now = nyss
ago-minutes = för { $n } { $n ->
    [one] minut
   *[other] minuter
} sedan
ago-hours = för { $n } { $n ->
    [one] timme
   *[other] timmar
} sedan
ago-days = för { $n } { $n ->
    [one] dag
   *[other] dagar
} sedan

round-name = Omröstning { $n }
dots-unlimited = Person { $person }: obegränsat
dots-left = Person { $person }: { $n } { $n ->
    [one] prick
   *[other] prickar
} kvar
dots = { $n } { $n ->
    [one] prick
   *[other] prickar
}
cards = { $n } kort
arrows = { $n } { $n ->
    [one] pil
   *[other] pilar
}
count-shapes = { $n } { $n ->
    [one] form
   *[other] former
}
count-texts = { $n } { $n ->
    [one] text
   *[other] texter
}
count-illustrations = { $n } { $n ->
    [one] illustration
   *[other] illustrationer
}
count-pictures = { $n } { $n ->
    [one] bild
   *[other] bilder
}
count-strokes = { $n } penndrag
cards-selected = { $n } kort { $n ->
    [one] markerat
   *[other] markerade
}
count-selected = { $n } { $n ->
    [one] markerad
   *[other] markerade
}

arrow-from-to = Pil från «{ $from }» till «{ $to }»
arrow-from = Pil från «{ $from }»
arrow-to = Pil till «{ $to }»
arrow-free = Pil

paste-unreadable = Det kopierade går inte att klistra in: { $why }
paste-too-many-lines = Texten har fler än { $max } rader; en inklistring gör högst { $max } kort.
edit-error-unknown = Ändringen gjordes inte: det den gällde finns inte längre.
edit-error-duplicate = Ändringen gjordes inte: den skulle ha lagt till något som redan finns.
exported-to = Exporterat till { $path }
pixels = { $w } × { $h } bildpunkter
saved-to = Sparat i { $name }
opened = Öppnade { $name }
unsaved-question = Spara ändringarna i ”{ $name }”?

# The phases keep the method's own Swedish words in every language that has none of its own.
phase-nulage = Nuläge
phase-overgang = Övergång
phase-malbild = Målbild

## Opening a file

load-io = Filen kunde inte läsas: { $why }.
load-too-large = Filen är för stor ({ $mb } MB; högst { $max } MB).
load-empty = Filen är tom.
load-missing-folder = Mappen ”{ $folder }” finns inte.
load-not-a-folder = ”{ $folder }” är en fil, inte en mapp.
load-not-a-file = Det här är ingen vanlig fil utan { $kind }, och den läses inte.
load-other-format = Det här är { $kind ->
    [jpeg] en JPEG-bild
    [gif] en GIF-bild
    [bmp] en BMP-bild
    [tiff] en TIFF-bild
    [webp] en WebP-bild
    [pdf] ett PDF-dokument
    [gzip] ett gzip-arkiv
    [xml] ett SVG- eller annat XML-dokument
   *[zip] ett ZIP-arkiv (som en Word- eller PowerPoint-fil)
}, ingen Målbild-arbetsyta.
load-embedded-too-large = Arbetsytan i bilden (PNG) är större än { $max } MB och packas inte upp.
load-embedded-empty = Arbetsytan i bilden (PNG) är tom.
load-image = Bilden (PNG) innehåller ingen Målbild-arbetsyta (det gör bara bilder som exporterats med arbetsytan i).
load-broken-image = Bilden (PNG) är skadad och går inte att läsa.
load-truncated = Filen tar slut för tidigt, på rad { $line }, kolumn { $column }: den är avklippt eller ofullständig.
# $detail is the JSON reader's own words, in English: left out here.
load-syntax = Filen är inte giltig JSON: något oväntat står på rad { $line }, kolumn { $column }.
load-not-malbild = Det här är ingen Målbild-arbetsyta ({ $reason ->
    [no-format] den har inget fält `format`
    [format-not-text] dess `format` är inte text
    [not-object] filen innehåller inget JSON-objekt
   *[other-format] dess `format` säger att den är något annat
}).
load-newer = Filen har version { $found } och är gjord med en nyare Målbild. Den här versionen läser version 1 till { $version }.
load-bad-version = Filen har en ogiltig version: { $version }.
load-no-version = Filen har inget fält `version`.
load-invalid = Filen stämmer inte med formatet vid `{ $path }`: { $detail }.

file-kind-folder = en mapp
file-kind-pipe = en rörledning (pipe)
file-kind-device = en enhet
file-kind-socket = en socket
file-kind-dangling-link = en länk till en fil som inte finns
file-kind-special = en specialfil

io-not-found = filen finns inte
io-permission = behörighet saknas
io-read-only = disken är skrivskyddad
io-full = disken är full
io-is-folder = det är en mapp

## Saving and exporting

too-large-to-save = Arbetsytan är för stor för att sparas ({ $mb } MB; högst { $max } MB kan öppnas igen).
save-missing-folder = Filen kunde inte skrivas: mappen ”{ $folder }” finns inte.
save-not-a-folder = Filen kunde inte skrivas: ”{ $folder }” är en fil, inte en mapp.
save-not-regular = Filen kunde inte skrivas: det är { $kind }, ingen vanlig fil, och den ersätts inte.
save-not-written = Filen kunde inte skrivas: { $why }.

export-empty-selection = inget är markerat att exportera
export-too-large = bilden skulle bli { $w } × { $h } bildpunkter ({ $mb } MB), mer än gränsen { $max } MB
export-bad-size = storleken går inte att använda
export-too-much = bilden innehåller för mycket för att ritas på en gång ({ $elements } element, omkring { $mb } MB former; högst { $max } MB): exportera en fas eller en markering
export-cancelled = exporten avbröts
export-encode = bilden kunde inte kodas

## Pictures

picture-not-a-picture = det är ingen bild som Målbild kan läsa (PNG, JPEG, WebP, GIF eller SVG)
picture-too-large = bilden är för stor ({ $w } × { $h } bildpunkter; högst { $side } på en sida och { $mp } megapixel)
picture-too-large-unknown = bilden är för stor (högst { $side } bildpunkter på en sida och { $mp } megapixel)
picture-file-too-large = filen är för stor ({ $mb } MB; högst { $max } MB)
picture-damaged = bilden är skadad eller avklippt och kan inte läsas
picture-empty = bilden har ingen storlek
picture-refers-outside = SVG-bilden hänvisar till filer eller webbadresser utanför sig själv, och sådana läses aldrig
pictures-refused = Bilden kunde inte läggas in: { $list }.

## Dates

date-long = { $day } { $month } { $year }
month-1 = januari
month-2 = februari
month-3 = mars
month-4 = april
month-5 = maj
month-6 = juni
month-7 = juli
month-8 = augusti
month-9 = september
month-10 = oktober
month-11 = november
month-12 = december

## Follow-up

status-idea = Idé
status-planned = Planerad
status-ongoing = Pågår
status-done = Klar
status-paused = Pausad
priority-high = Hög
priority-medium = Medel
priority-low = Låg

## The command line

summary-extension = sammanfattningen ska sluta på .md eller .csv
library-sheet-illustrations = Bildbiblioteket: { $n } illustrationer
library-sheet-icons = Bildbiblioteket: { $n } ikoner

## The summary (Markdown and CSV)

summary-untitled = Målbild
summary-no-theme = Utan tema
summary-outside = Utanför faserna
summary-owner = ansvarig
summary-due = klart
summary-priority = prioritet
summary-votes = röster
summary-vote = röst
summary-step = steg
summary-results = Röstning
summary-col-phase = fas
summary-col-theme = tema
summary-col-text = text
summary-col-status = status
summary-col-owner = ansvarig
summary-col-date = datum
summary-col-priority = prioritet
summary-col-votes = röster
summary-col-step = steg
summary-empty = Inga kort ännu.

## What is wrong with a value in a file (the reader's English words, told again)

detail-missing-field = fältet `{ $name }` saknas
detail-unknown-field = okänt fält `{ $name }`
detail-duplicate-field = fältet `{ $name }` står två gånger
detail-unknown-value = okänt värde `{ $value }`{ $expected ->
    [none] {""}
   *[other] , väntade ett av { $expected }
}
detail-invalid-type = värdet är av fel slag
detail-invalid-value = värdet går inte att använda
detail-invalid-quoted = värdet går inte att använda ({ $values })
detail-upgrade = den kan inte uppgraderas från version { $version }: { $what } finns inte i den versionen
detail-not-colour = { $value } är ingen färg
detail-not-id = { $value } är inget element-id
detail-not-order-key = { $value } är ingen ordningsnyckel
detail-not-picture-id = { $value } är inget bild-id
detail-not-day = { $value } är inget datum (ÅÅÅÅ-MM-DD)
detail-not-scale = { $value } går inte att använda som storlek
detail-twice = { $value } finns två gånger
detail-out-of-range = talet { $value } ligger utanför det tillåtna
detail-crop = beskärningen ligger utanför bilden

## Units and small words of the panels

minutes = { $n } min
unit-min = min
unit-pt = pt
unit-px = px
unit-dpi = dpi
date-format-hint = ÅÅÅÅ-MM-DD
preset-poster-a2 = { $poster } A2
export-stopped = exporten avbröts oväntat
connect-hint = Koppla { $from } → { $to }: Tab väljer ett annat, Enter kopplar, Esc avbryter
in-theme = tema { $theme }
with-priority = prioritet { $priority }

## malbild check

check-ok = { $path }: ok: Målbild-arbetsyta version { $version }{ $upgraded }; namn ”{ $title }”; 3 faser ({ $phases }); { $cards }, { $arrows }{ $others }
check-upgraded = , uppgraderad från version { $version }
check-newer = , gjord med en nyare Målbild (format { $version }): öppnas skrivskyddad
check-error = { $path }: fel: { $why }
