# The sample canvas, in English (the phases keep their Swedish names, the method's own words).

sample-title = Nära vård – an example
sample-nulage-1 = Care is built around the hospital
sample-nulage-2 = The patient tells their story again and again
sample-nulage-3 = A long wait for the first contact
sample-nulage-4 = Municipality and region work apart
sample-nulage-5 = The emergency room is the way in for frail elderly
sample-overgang-1 = A named care contact for those who need one
sample-overgang-2 = Digital visits and self-monitoring
sample-overgang-3 = Mobile teams at home
sample-overgang-4 = A shared plan: coordinated care plans for more
sample-overgang-5 = New skills mix in primary care
sample-malbild-1 = Care starts from the person's needs
sample-malbild-2 = Health promotion and prevention first
sample-malbild-3 = The right care at the right level – close to you
sample-malbild-4 = The person shapes their own care
sample-malbild-5 = Joined-up care with municipality and region
sample-label-skills = the right skills
sample-label-together = working together
sample-subtitle = Workshop: our way to close care
sample-step-by-step = Step by step
sample-vision = Care close to you 2030
sample-picture-hospital = hospital
sample-picture-health-worker = woman health worker
sample-picture-video = video camera
sample-picture-old-woman = old woman
sample-picture-house = house with garden
