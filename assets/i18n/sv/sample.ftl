# The sample canvas, in Swedish.

sample-title = Nära vård – exempel
sample-nulage-1 = Vården är byggd runt sjukhuset
sample-nulage-2 = Patienten upprepar sin historia
sample-nulage-3 = Lång väntan på första kontakt
sample-nulage-4 = Kommun och region arbetar var för sig
sample-nulage-5 = Akuten blir vägen in för sköra äldre
sample-overgang-1 = Fast vårdkontakt för den som behöver
sample-overgang-2 = Digitala vårdmöten och egenmonitorering
sample-overgang-3 = Mobila team i hemmet
sample-overgang-4 = Gemensam plan: SIP för fler
sample-overgang-5 = Kompetensväxling i primärvården
sample-malbild-1 = Vården utgår från personens behov
sample-malbild-2 = Hälsofrämjande och förebyggande först
sample-malbild-3 = Rätt vård på rätt nivå – nära dig
sample-malbild-4 = Personen är medskapare i sin vård
sample-malbild-5 = Sammanhållen vård med kommun och region
sample-label-skills = rätt kompetens
sample-label-together = samverkan
sample-subtitle = Workshop: vår väg till nära vård
sample-step-by-step = Steg för steg
sample-vision = Vård nära dig 2030
sample-picture-hospital = sjukhus
sample-picture-health-worker = kvinnlig vårdpersonal
sample-picture-video = videokamera
sample-picture-old-woman = äldre kvinna
sample-picture-house = hus med trädgård
