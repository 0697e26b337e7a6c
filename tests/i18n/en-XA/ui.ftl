# A tiny test language (pseudo-English, as translators' tools make): it proves that a folder
# of .ftl files is a language. Only a few words; the rest come from English.
language-name = Ëñğłîšħ (ţéšţ)
menu-file = [Ƒîłé]
menu-edit = [Éðîţ]
undo = [Ûñðö]
new-card = [Ñéŵ çåŕð]
