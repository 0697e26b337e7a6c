#!/usr/bin/env python3
"""Builds the illustration library of Målbild: assets/illustrations/.

    python3 tools/illustrations/extract.py              # fetch the npm packages and write
    python3 tools/illustrations/extract.py --from DIR   # use tarballs already in DIR
    python3 tools/illustrations/extract.py --check      # verify catalog.tsv and its files

It takes two pinned npm packages (both MIT):

  * @iconify-json/fluent-emoji-flat (Fluent Emoji Flat, Microsoft) - the colour
    illustrations chosen in FLUENT below, written to fluent/<name>.svg;
  * @phosphor-icons/core (Phosphor Icons) - every regular-weight icon, written to
    phosphor/<name>.svg with `currentColor` replaced by #000000 (the app tints them);

and lists them, with the pieces drawn for this project (malbild/, made by hand, not
written by this script), in catalog.tsv:

    id  set  category  file  sv  en  tint

Standard library only. The output is deterministic: running it twice gives the same files.
"""

import argparse
import glob
import json
import os
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
import xml.etree.ElementTree as ET

FLUENT_PKG = "@iconify-json/fluent-emoji-flat@1.2.6"
PHOSPHOR_PKG = "@phosphor-icons/core@2.1.1"
FLUENT_TGZ = "iconify-json-fluent-emoji-flat-*.tgz"
PHOSPHOR_TGZ = "phosphor-icons-core-*.tgz"

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
OUT = os.path.join(ROOT, "assets", "illustrations")

CATEGORIES = ["people", "places", "care", "transport", "digital", "nature", "symbols"]
HEADER = "id\tset\tcategory\tfile\tsv\ten\ttint"
ID_RE = re.compile(r"^(fluent|phosphor|malbild):[a-z0-9]+(-[a-z0-9]+)*$")

# The Fluent Emoji Flat pictures, grouped by category (the order of the catalogue):
#   name | Swedish keywords (first = name) | English keywords (first = name)
FLUENT = """
# people
baby-light | bebis,spädbarn,nyfödd,barn,barnhälsovård | baby,infant,newborn,child
baby-medium-dark | bebis,spädbarn,nyfödd,barn | baby,infant,newborn,child
child-medium | barn,unge,liten,barnhälsovård | child,kid,young
child-dark | barn,unge,liten | child,kid,young
boy-light | pojke,barn,kille,ung | boy,child,young
boy-medium-dark | pojke,barn,kille,ung | boy,child,young
girl-medium-light | flicka,barn,tjej,ung | girl,child,young
girl-dark | flicka,barn,tjej,ung | girl,child,young
person-medium | vuxen,person,människa,invånare | adult,person,human,resident
person-light | vuxen,person,människa,invånare | adult,person,human,resident
person-medium-dark | vuxen,person,människa,invånare | adult,person,human,resident
man-medium-dark | man,vuxen,person,invånare | man,adult,person,resident
man-light | man,vuxen,person,invånare | man,adult,person,resident
woman-medium | kvinna,vuxen,person,invånare | woman,adult,person,resident
woman-dark | kvinna,vuxen,person,invånare | woman,adult,person,resident
older-person-light | äldre person,äldre,senior,pensionär | older person,elderly,senior,old
older-person-dark | äldre person,äldre,senior,pensionär | older person,elderly,senior,old
old-man-medium | äldre man,äldre,senior,pensionär,morfar,farfar | older man,elderly,senior,grandfather
old-man-dark | äldre man,äldre,senior,pensionär,morfar,farfar | older man,elderly,senior,grandfather
old-woman-light | äldre kvinna,äldre,senior,pensionär,mormor,farmor | older woman,elderly,senior,grandmother
old-woman-medium-dark | äldre kvinna,äldre,senior,pensionär,mormor,farmor | older woman,elderly,senior,grandmother
woman-white-hair-medium | kvinna med vitt hår,äldre,senior,kvinna | woman with white hair,elderly,senior,woman
health-worker-medium | vårdpersonal,vårdare,sjukvård,personal,vård | health worker,caregiver,health care,staff
health-worker-dark | vårdpersonal,vårdare,sjukvård,personal,vård | health worker,caregiver,health care,staff
man-health-worker-light | manlig vårdpersonal,läkare,sjuksköterska,vårdpersonal,undersköterska | man health worker,doctor,nurse,health care
man-health-worker-medium-dark | manlig vårdpersonal,läkare,sjuksköterska,vårdpersonal,undersköterska | man health worker,doctor,nurse,health care
woman-health-worker-medium-light | kvinnlig vårdpersonal,läkare,sjuksköterska,vårdpersonal,undersköterska | woman health worker,doctor,nurse,health care
woman-health-worker-dark | kvinnlig vårdpersonal,läkare,sjuksköterska,vårdpersonal,undersköterska | woman health worker,doctor,nurse,health care
woman-office-worker-light | handläggare,kontor,administratör,tjänsteperson | office worker,administrator,clerk,office
man-office-worker-medium | handläggare,kontor,administratör,tjänsteperson | office worker,administrator,clerk,office
woman-technologist-medium-dark | it-tekniker,utvecklare,dator,digitalisering | technologist,developer,it,computer
man-technologist-light | it-tekniker,utvecklare,dator,digitalisering | technologist,developer,it,computer
woman-scientist-medium | forskare,forskning,laboratorium,vetenskap | scientist,research,laboratory,science
man-scientist-dark | forskare,forskning,laboratorium,vetenskap | scientist,research,laboratory,science
woman-teacher-medium-light | lärare,pedagog,skola,utbildning | teacher,educator,school,education
man-teacher-medium-dark | lärare,pedagog,skola,utbildning | teacher,educator,school,education
woman-student-dark | student,elev,studier,utbildning | student,pupil,studies,education
man-student-medium | student,elev,studier,utbildning | student,pupil,studies,education
woman-cook-medium-dark | kock,kök,mat,måltid | cook,kitchen,food,meal
person-feeding-baby-medium | förälder matar bebis,förälder,bebis,nappflaska,föräldraskap | person feeding baby,parent,baby,bottle
woman-feeding-baby-light | mamma matar bebis,mamma,förälder,bebis | woman feeding baby,mother,parent,baby
man-feeding-baby-medium-dark | pappa matar bebis,pappa,förälder,bebis | man feeding baby,father,parent,baby
breast-feeding-medium-light | amning,mamma,bebis,mödravård | breast-feeding,mother,baby,nursing
pregnant-woman-medium | gravid kvinna,gravid,graviditet,mödravård,väntar barn | pregnant woman,pregnancy,maternity care,expecting
pregnant-woman-dark | gravid kvinna,gravid,graviditet,mödravård,väntar barn | pregnant woman,pregnancy,maternity care,expecting
pregnant-person-light | gravid person,gravid,graviditet,mödravård | pregnant person,pregnancy,maternity care,expecting
person-in-manual-wheelchair-medium-light | person i rullstol,rullstol,funktionsnedsättning,tillgänglighet | person in manual wheelchair,wheelchair,disability,accessibility
person-in-manual-wheelchair-facing-right-dark | person i rullstol,rullstol,funktionsnedsättning,tillgänglighet | person in manual wheelchair,wheelchair,disability,accessibility
man-in-manual-wheelchair-facing-right-light | man i rullstol,rullstol,funktionsnedsättning,tillgänglighet | man in manual wheelchair,wheelchair,disability,accessibility
woman-in-motorized-wheelchair-medium | kvinna i elrullstol,elrullstol,rullstol,funktionsnedsättning,tillgänglighet | woman in motorized wheelchair,power wheelchair,disability,accessibility
person-in-motorized-wheelchair-facing-right-medium-dark | person i elrullstol,elrullstol,rullstol,funktionsnedsättning,tillgänglighet | person in motorized wheelchair,power wheelchair,disability,accessibility
person-with-white-cane-medium-dark | person med vit käpp,synskadad,blind,synnedsättning | person with white cane,blind,visually impaired,low vision
woman-with-white-cane-facing-right-light | kvinna med vit käpp,synskadad,blind,synnedsättning | woman with white cane,blind,visually impaired,low vision
person-deaf-medium | döv person,döv,hörselnedsättning,teckenspråk | deaf person,deaf,hearing loss,sign language
woman-deaf-dark | döv kvinna,döv,hörselnedsättning,teckenspråk | deaf woman,deaf,hearing loss,sign language
man-deaf-light | döv man,döv,hörselnedsättning,teckenspråk | deaf man,deaf,hearing loss,sign language
person-walking-medium | person som går,gå,promenad,rörelse,fysisk aktivitet | person walking,walk,walking,physical activity
person-walking-facing-right-light | person som går,gå,promenad,rörelse,fysisk aktivitet | person walking,walk,walking,physical activity
woman-walking-facing-right-dark | kvinna som går,gå,promenad,rörelse | woman walking,walk,walking,physical activity
man-walking-facing-right-medium-light | man som går,gå,promenad,rörelse | man walking,walk,walking,physical activity
person-running-facing-right-medium-dark | person som springer,springa,löpning,motion | person running,run,running,exercise
woman-running-facing-right-light | kvinna som springer,springa,löpning,motion | woman running,run,running,exercise
person-biking-medium | cyklist,cykla,cykling,motion | person biking,cyclist,cycling,exercise
person-standing-medium-light | stående person,stå,person | person standing,stand,person
person-raising-hand-medium-dark | person som räcker upp handen,fråga,delaktighet,rösta | person raising hand,question,participation,vote
people-hugging | kram,omtanke,stöd,gemenskap,anhöriga | people hugging,hug,care,support,community,family
busts-in-silhouette | personer,grupp,team,användare,familj | busts in silhouette,people,group,team,users,family
bust-in-silhouette | person,profil,användare,patient | bust in silhouette,person,profile,user,patient
speaking-head | talande huvud,tala,röst,samtal | speaking head,speak,voice,talk
handshake | handslag,samarbete,avtal,överenskommelse,samverkan | handshake,cooperation,agreement,partnership
thumbs-up-medium | tummen upp,bra,gilla,godkänt | thumbs up,good,like,approve
clapping-hands-medium-light | applåd,klappa händer,beröm,firande | clapping hands,applause,praise,celebration
raising-hands-medium-dark | händer i luften,hurra,firande,glädje | raising hands,hooray,celebration,joy
waving-hand-light | vinkande hand,hej,hälsning,välkommen | waving hand,hello,greeting,welcome
heart-hands-medium | hjärthänder,kärlek,omtanke,tack | heart hands,love,care,thanks
open-hands-dark | öppna händer,öppenhet,välkomnande,ge | open hands,openness,welcome,give
writing-hand-medium | skrivande hand,skriva,anteckna,signera | writing hand,write,note,sign
flexed-biceps-medium-dark | spänd biceps,styrka,kraft,träning | flexed biceps,strength,power,exercise

# places
house | hus,hem,bostad,boende | house,home,housing,residence
houses | hus,bostadsområde,grannskap,kvarter | houses,neighbourhood,housing,residential area
house-with-garden | hus med trädgård,villa,hem,bostad | house with garden,home,villa,residence
hut | stuga,hydda,landsbygd,glesbygd | hut,cabin,countryside,rural
hospital | sjukhus,lasarett,akutsjukhus,slutenvård | hospital,inpatient care,emergency hospital
school | skola,utbildning,elevhälsa,förskola | school,education,student health
office-building | kontorshus,kontor,förvaltning,region | office building,office,administration,region
classical-building | kommunhus,kommunen,myndighet,förvaltning,offentlig sektor | classical building,municipality,authority,public sector
post-office | postkontor,post,brev,utlämning | post office,mail,letters
bank | bank,ekonomi,pengar | bank,finance,money
department-store | varuhus,affär,butik,handel | department store,shop,store,retail
convenience-store | närbutik,butik,affär,kvartersbutik | convenience store,shop,store,local
building-construction | byggarbetsplats,bygge,bygga,utbyggnad | building construction,construction,build,development
cityscape | stad,tätort,stadsbild,centrum | cityscape,city,town,urban
door | dörr,ingång,entré,välkommen | door,entrance,entry,welcome
couch-and-lamp | vardagsrum,hemma,soffa,hemmiljö | couch and lamp,living room,home,sofa
bed | säng,sovrum,vila,sömn | bed,bedroom,rest,sleep
chair | stol,väntrum,sittplats | chair,waiting room,seat
elevator | hiss,tillgänglighet,våningsplan | elevator,lift,accessibility
bridge-at-night | bro,övergång,förbindelse,koppling,bro i natt | bridge at night,bridge,transition,connection
world-map | världskarta,karta,världen | world map,map,world
globe-showing-europe-africa | jordklot,europa,världen,jorden | globe showing europe-africa,globe,europe,world
round-pushpin | kartnål,plats,platsmarkering,här | round pushpin,location,place,here

# care
stethoscope | stetoskop,läkare,undersökning,sjukvård | stethoscope,doctor,examination,health care
pill | tablett,läkemedel,medicin,piller | pill,medication,medicine,tablet
syringe | spruta,vaccin,vaccination,injektion | syringe,vaccine,vaccination,injection
thermometer | termometer,feber,temperatur,mätning | thermometer,fever,temperature,measurement
adhesive-bandage | plåster,sår,första hjälpen,omläggning | adhesive bandage,plaster,wound,first aid
drop-of-blood | bloddroppe,blod,blodprov,provtagning | drop of blood,blood,blood test,sampling
dna | dna,gener,genetik,precisionsmedicin | dna,genes,genetics,precision medicine
microscope | mikroskop,laboratorium,forskning,analys | microscope,laboratory,research,analysis
test-tube | provrör,prov,labb,analys | test tube,sample,lab,analysis
petri-dish | petriskål,odling,labb,bakterier | petri dish,culture,lab,bacteria
anatomical-heart | hjärta,hjärtat,organ,kardiologi,hjärtsjukvård | anatomical heart,heart,organ,cardiology
brain | hjärna,psykisk hälsa,neurologi,tanke | brain,mental health,neurology,thinking
lungs | lungor,andning,lungsjukvård,astma | lungs,breathing,respiratory,asthma
tooth | tand,tandvård,munhälsa,tandläkare | tooth,dental care,oral health,dentist
bone | skelett,ben,fraktur,ortopedi | bone,skeleton,fracture,orthopaedics
x-ray | röntgen,bilddiagnostik,skelett,undersökning | x-ray,radiology,imaging,skeleton
eye | öga,syn,ögonsjukvård,se | eye,vision,eye care,see
ear | öra,hörsel,lyssna,höra | ear,hearing,listen
ear-with-hearing-aid-medium-light | öra med hörapparat,hörapparat,hörsel,hjälpmedel | ear with hearing aid,hearing aid,hearing,assistive device
medical-symbol | vårdsymbol,esculapstav,sjukvård,medicin | medical symbol,staff of aesculapius,health care,medicine
face-with-medical-mask | ansikte med munskydd,munskydd,smittskydd,infektion | face with medical mask,mask,infection control,infection
face-with-thermometer | ansikte med termometer,feber,sjuk,förkylning | face with thermometer,fever,ill,cold
face-with-head-bandage | ansikte med förband,skada,olycka,förband | face with head-bandage,injury,accident,bandage
person-in-bed-light | person i säng,sängliggande,vila,hemsjukvård,sjuk | person in bed,bedridden,rest,home care,ill
manual-wheelchair | rullstol,hjälpmedel,tillgänglighet,förflyttning | manual wheelchair,wheelchair,assistive device,accessibility
motorized-wheelchair | elrullstol,rullstol,hjälpmedel,tillgänglighet | motorized wheelchair,power wheelchair,assistive device,accessibility
white-cane | vit käpp,synskada,hjälpmedel,blind | white cane,visual impairment,assistive device,blind
crutch | krycka,rehabilitering,skada,gånghjälpmedel | crutch,rehabilitation,injury,walking aid
mechanical-arm | armprotes,protes,hjälpmedel,robotarm | mechanical arm,prosthesis,assistive device
mechanical-leg | benprotes,protes,hjälpmedel,rehabilitering | mechanical leg,prosthesis,assistive device,rehabilitation
mending-heart | lagat hjärta,läkning,återhämtning,tillfrisknande | mending heart,healing,recovery
baby-bottle | nappflaska,bebis,barnavård,mjölk | baby bottle,baby,child care,milk
soap | tvål,hygien,handhygien,tvätta händer | soap,hygiene,hand hygiene,wash hands
toothbrush | tandborste,tandvård,munhygien | toothbrush,dental care,oral hygiene
red-apple | äpple,frukt,kost,hälsosam mat,förebyggande | red apple,apple,fruit,diet,healthy food,prevention
green-salad | sallad,kost,hälsosam mat,grönsaker | green salad,salad,diet,healthy food,vegetables
wheelchair-symbol | rullstolssymbol,tillgänglighet,rullstol,handikapp | wheelchair symbol,accessibility,wheelchair

# transport
ambulance | ambulans,akut,prehospital vård,utryckning | ambulance,emergency,prehospital care
helicopter | helikopter,ambulanshelikopter,luftburen vård,flyg | helicopter,air ambulance,flight
bus | buss,kollektivtrafik,resa,trafik | bus,public transport,travel
oncoming-bus | mötande buss,buss,kollektivtrafik | oncoming bus,bus,public transport
minibus | minibuss,färdtjänst,sjukresa,buss | minibus,mobility service,patient transport
automobile | bil,resa,transport,personbil | automobile,car,travel,transport
oncoming-automobile | mötande bil,bil,trafik | oncoming automobile,car,traffic
taxi | taxi,färdtjänst,sjukresa,resa | taxi,cab,mobility service,patient transport
oncoming-taxi | mötande taxi,taxi,färdtjänst | oncoming taxi,taxi,cab
delivery-truck | budbil,leverans,hemleverans,transport | delivery truck,delivery,home delivery,transport
bicycle | cykel,cykla,motion,hållbart resande | bicycle,bike,cycling,exercise
kick-scooter | sparkcykel,sparka,resa | kick scooter,scooter
motor-scooter | moped,skoter,tvåhjuling | motor scooter,moped,scooter
train | tåg,järnväg,resa,pendeltåg | train,railway,travel,commuter
high-speed-train | snabbtåg,tåg,järnväg,resa | high-speed train,train,railway
tram | spårvagn,kollektivtrafik,spårtrafik | tram,public transport,streetcar
station | station,tågstation,järnvägsstation | station,train station,railway station
bus-stop | busshållplats,hållplats,kollektivtrafik | bus stop,stop,public transport
airplane | flygplan,flyg,resa | airplane,flight,travel
ferry | färja,båt,skärgård,sjötrafik | ferry,boat,archipelago
motorway | motorväg,väg,resa,färdväg | motorway,road,highway,route
railway-track | järnvägsspår,spår,järnväg,räls | railway track,track,railway,rail
vertical-traffic-light | trafikljus,trafiksignal,vänta,gå | vertical traffic light,traffic light,signal
compass | kompass,riktning,vägledning,navigering | compass,direction,guidance,navigation

# digital
mobile-phone | mobiltelefon,mobil,telefon,app,smartphone | mobile phone,phone,smartphone,app
mobile-phone-with-arrow | mobil med pil,skicka,mobil,app | mobile phone with arrow,send,mobile
laptop | bärbar dator,dator,laptop,digital | laptop,computer,digital
desktop-computer | stationär dator,dator,skärm,arbetsplats | desktop computer,computer,screen
keyboard | tangentbord,skriva,dator | keyboard,typing,computer
computer-mouse | datormus,mus,dator | computer mouse,mouse
printer | skrivare,utskrift,skriva ut | printer,print
video-camera | videokamera,video,videomöte,digitalt vårdbesök | video camera,video,video call,digital visit
camera | kamera,foto,bild | camera,photo,picture
television | tv,teve,skärm,information | television,tv,screen
telephone-receiver | telefonlur,telefon,samtal,ring,rådgivning | telephone receiver,phone,call,advice line
telephone | telefon,samtal,ring | telephone,phone,call
headphone | hörlurar,lyssna,ljud | headphone,headphones,listen,audio
microphone | mikrofon,tala,ljud,podd | microphone,speak,audio,podcast
loudspeaker | högtalare,meddelande,utrop,ljud | loudspeaker,announcement,sound
megaphone | megafon,kommunikation,information,kampanj | megaphone,communication,campaign
bell | klocka,avisering,påminnelse,notis | bell,notification,reminder
satellite-antenna | parabolantenn,uppkoppling,signal,kommunikation | satellite antenna,connectivity,signal,communication
antenna-bars | signalstyrka,mottagning,täckning,mobilnät | antenna bars,signal,coverage,network
globe-with-meridians | jordglob med meridianer,internet,webb,nätet,världen | globe with meridians,internet,web,world
envelope | kuvert,brev,post,meddelande | envelope,letter,mail,message
e-mail | e-post,mejl,meddelande | e-mail,email,message
incoming-envelope | inkommande brev,mejl,meddelande,inkorg | incoming envelope,incoming mail,inbox
envelope-with-arrow | kuvert med pil,skicka,utkorg,mejl | envelope with arrow,send,outbox
speech-balloon | pratbubbla,chatt,samtal,dialog | speech balloon,chat,conversation,dialogue
left-speech-bubble | pratbubbla,prata,kommentar,chatt | left speech bubble,speech,comment,chat
electric-plug | stickpropp,el,ansluta,kontakt | electric plug,power,connect
battery | batteri,energi,laddning,ork | battery,energy,charge
robot | robot,ai,automatisering,teknik | robot,ai,automation,technology
link | länk,koppling,samband,integration | link,connection,integration
identification-card | id-kort,legitimation,identitet,e-legitimation | identification card,id,identity
calendar | kalender,datum,bokning,tid | calendar,date,booking,appointment
spiral-calendar | spiralkalender,planering,tidsplan,kalender | spiral calendar,planning,schedule
tear-off-calendar | rivkalender,datum,dag,kalender | tear-off calendar,date,day
clipboard | skrivplatta,checklista,journal,dokumentation | clipboard,checklist,record,documentation
memo | anteckning,memo,skriva,dokumentation | memo,note,write,documentation
page-facing-up | dokument,sida,papper,blankett | page facing up,document,page,form
file-folder | mapp,arkiv,dokument,journal | file folder,folder,archive,documents
card-index-dividers | kortregister,register,ordning | card index dividers,index,register
spiral-notepad | anteckningsblock,block,anteckningar | spiral notepad,notepad,notes
bookmark-tabs | flikar,bokmärken,dokument | bookmark tabs,tabs,bookmarks
pencil | blyertspenna,penna,skriva,redigera | pencil,write,edit
paperclip | gem,bilaga,fästa | paperclip,attachment,attach
chart-increasing | stigande diagram,ökning,förbättring,statistik | chart increasing,growth,improvement,statistics
chart-decreasing | sjunkande diagram,minskning,statistik | chart decreasing,decrease,statistics
bar-chart | stapeldiagram,statistik,uppföljning,data | bar chart,statistics,follow-up,data

# nature
seedling | grodd,planta,tillväxt,början,utveckling | seedling,sprout,growth,beginning
herb | ört,växt,grönt | herb,plant,green
potted-plant | krukväxt,växt,omsorg | potted plant,plant,care
four-leaf-clover | fyrklöver,tur,lycka | four leaf clover,luck
deciduous-tree | lövträd,träd,natur,tillväxt | deciduous tree,tree,nature,growth
evergreen-tree | gran,barrträd,skog,natur | evergreen tree,spruce,fir,forest
tulip | tulpan,blomma,vår | tulip,flower,spring
sunflower | solros,blomma,sommar | sunflower,flower,summer
blossom | blomma,blomning,vår | blossom,flower,spring
cherry-blossom | körsbärsblomma,blomma,vår | cherry blossom,flower,spring
fallen-leaf | fallande löv,höst,löv | fallen leaf,autumn,leaf
maple-leaf | lönnlöv,höst,löv | maple leaf,autumn,leaf
leaf-fluttering-in-wind | löv i vinden,vind,löv,förändring | leaf fluttering in wind,wind,leaf,change
sun | sol,solsken,sommar,väder | sun,sunshine,summer,weather
sun-behind-cloud | sol bakom moln,växlande molnighet,väder | sun behind cloud,partly cloudy,weather
sun-behind-small-cloud | sol bakom litet moln,mest sol,väder | sun behind small cloud,mostly sunny,weather
cloud | moln,molnigt,väder | cloud,cloudy,weather
rainbow | regnbåge,hopp,färger | rainbow,hope,colours
umbrella | paraply,regn,skydd | umbrella,rain,protection
snowflake | snöflinga,vinter,snö,kyla | snowflake,winter,snow,cold
droplet | droppe,vatten,vätska | droplet,water,fluid
water-wave | våg,vatten,hav | water wave,wave,water,sea
mountain | berg,utmaning,topp | mountain,challenge,peak
snow-capped-mountain | snöklätt berg,fjäll,fjällen,berg | snow-capped mountain,mountain,fells
sunrise-over-mountains | soluppgång över berg,gryning,ny dag,framtid | sunrise over mountains,dawn,new day,future
sunrise | soluppgång,gryning,morgon,ny början | sunrise,dawn,morning,new beginning
national-park | nationalpark,park,natur,friluftsliv | national park,park,nature,outdoors
crescent-moon | månskära,måne,natt,kväll | crescent moon,moon,night,evening
rock | sten,stabilitet,grund | rock,stone,stability,foundation
wood | ved,trä,virke | wood,log,timber
foggy | dimma,dimmigt,oklart | foggy,fog,unclear

# symbols
red-heart | rött hjärta,hjärta,kärlek,omtanke,hälsa | red heart,heart,love,care,health
orange-heart | orange hjärta,hjärta,omtanke | orange heart,heart,care
yellow-heart | gult hjärta,hjärta,vänskap | yellow heart,heart,friendship
green-heart | grönt hjärta,hjärta,hållbarhet | green heart,heart,sustainability
blue-heart | blått hjärta,hjärta,trygghet | blue heart,heart,trust
purple-heart | lila hjärta,hjärta,omtanke | purple heart,heart,care
light-blue-heart | ljusblått hjärta,hjärta | light blue heart,heart
pink-heart | rosa hjärta,hjärta,kärlek | pink heart,heart,love
white-heart | vitt hjärta,hjärta,omtanke | white heart,heart,care
beating-heart | bultande hjärta,hjärta,hjärtslag,puls | beating heart,heart,heartbeat,pulse
growing-heart | växande hjärta,hjärta,omtanke,växa | growing heart,heart,care,growth
sparkling-heart | glittrande hjärta,hjärta,glädje | sparkling heart,heart,joy
two-hearts | två hjärtan,hjärtan,kärlek,relation | two hearts,hearts,love,relationship
heart-with-ribbon | hjärta med rosett,hjärta,gåva | heart with ribbon,heart,gift
puzzle-piece | pusselbit,pussel,helhet,samverkan,del | puzzle piece,puzzle,whole,collaboration,part
light-bulb | glödlampa,idé,innovation,insikt | light bulb,idea,innovation,insight
thought-balloon | tankebubbla,tanke,fundera,idé | thought balloon,thought,think,idea
chequered-flag | målflagga,mål,målgång,rutig flagga | chequered flag,goal,finish,finish line
triangular-flag | vimpel,flagga,milstolpe,markering | triangular flag,flag,milestone,marker
bullseye | måltavla,mål,träff,fokus,målsättning | bullseye,direct hit,target,goal,focus
trophy | pokal,vinst,framgång,pris | trophy,win,success,prize
sports-medal | medalj,utmärkelse,framgång | sports medal,medal,award,success
star | stjärna,favorit,kvalitet | star,favourite,quality
glowing-star | glänsande stjärna,stjärna,bäst,kvalitet | glowing star,star,excellent,quality
sparkles | gnistor,nytt,förbättring,glans | sparkles,new,improvement,shine
rocket | raket,start,lansering,snabb utveckling | rocket,launch,start,fast progress
check-mark-button | bock,klart,godkänt,uppfyllt | check mark button,check,done,approved
check-mark | bockmarkering,bock,klart | check mark,check,done
warning | varning,risk,observera,se upp | warning,risk,caution
red-question-mark | frågetecken,fråga,oklart | red question mark,question mark,question,unclear
red-exclamation-mark | utropstecken,viktigt,observera | red exclamation mark,exclamation,important
information | information,info,upplysning | information,info
sos-button | sos,nödläge,akut,larm | sos button,sos,emergency,alarm
children-crossing | barn som korsar vägen,skolväg,trafiksäkerhet,barn | children crossing,school route,road safety,children
stopwatch | stoppur,tid,väntetid,snabbhet | stopwatch,time,waiting time,speed
hourglass-done | timglas,tid,väntan,väntetid | hourglass done,hourglass,time,waiting,waiting time
hourglass-not-done | rinnande timglas,timglas,tid,pågår,väntan | hourglass not done,hourglass,time,in progress
alarm-clock | väckarklocka,tid,påminnelse,morgon | alarm clock,time,reminder,morning
key | nyckel,lösning,tillgång,behörighet | key,solution,access
locked | hänglås,låst,säkerhet,sekretess | locked,lock,security,confidentiality
unlocked | upplåst,öppen,tillgänglig | unlocked,open,accessible
shield | sköld,skydd,säkerhet,trygghet | shield,protection,security,safety
money-bag | pengapåse,pengar,budget,ekonomi | money bag,money,budget,finance
coin | mynt,pengar,kostnad | coin,money,cost
gear | kugghjul,inställningar,process,system | gear,settings,process,system
toolbox | verktygslåda,verktyg,metod,stöd | toolbox,tools,method,support
hammer-and-wrench | hammare och skiftnyckel,verktyg,underhåll | hammer and wrench,tools,maintenance
magnifying-glass-tilted-left | förstoringsglas,sök,granska,analys | magnifying glass tilted left,search,review,analysis
magnifying-glass-tilted-right | förstoringsglas,sök,leta | magnifying glass tilted right,search
books | böcker,kunskap,utbildning,bibliotek | books,knowledge,education,library
open-book | öppen bok,läsa,kunskap,bok | open book,read,knowledge,book
graduation-cap | studentmössa,examen,utbildning,kompetens | graduation cap,graduation,education,competence
balance-scale | våg,rättvisa,jämlikhet,balans | balance scale,justice,equality,balance
recycling-symbol | återvinning,hållbarhet,kretslopp | recycling symbol,recycling,sustainability
infinity | oändlighet,kontinuitet,hela livet | infinity,continuity,whole life
counterclockwise-arrows-button | pilar i cirkel,förnyelse,uppdatera,kretslopp | counterclockwise arrows button,renewal,refresh,cycle
right-arrow | pil höger,framåt,nästa steg,riktning | right arrow,forward,next step,direction
up-right-arrow | pil uppåt höger,förbättring,ökning | up-right arrow,improvement,increase
up-arrow | pil uppåt,uppåt,ökning | up arrow,up,increase
construction | vägarbete,under arbete,bygge,pågår | construction,roadworks,work in progress
anchor | ankare,stabilitet,förankring,trygghet | anchor,stability,grounding
ladder | stege,steg,utveckling,nå högre | ladder,steps,development
footprints | fotspår,steg,väg framåt,spår | footprints,steps,way forward,trail
package | paket,leverans,försändelse | package,delivery,parcel
pushpin | häftstift,fäst,anslag,viktigt | pushpin,pin,notice,important
"""

# The pieces drawn for this project (files in malbild/, made by hand):
#   name | category | Swedish | English
MALBILD = """
road | transport | väg,vägen,färdväg,resa,vägbana | road,way,route,journey
winding-path | transport | slingrande väg,stig,väg,vägen framåt | winding path,path,road,way forward
milestone | symbols | milstolpe,flaggstång,delmål,etapp,mål | milestone,flag post,interim goal,stage,goal
stairs | symbols | trappa,trappsteg,steg för steg,utveckling | stairs,steps,step by step,progress
step-arrow | symbols | stegpil,steg,fas,nästa steg,process | step arrow,step,phase,next step,process
finish-line | symbols | mållinje,mål,målgång,målbild | finish line,goal,finish,target picture
"""

# Phosphor: Swedish for the parts of icon names, applied word by word (phrases first).
SV_PHRASES = {
    "first-aid-kit": "förbandslåda", "first-aid": "första hjälpen",
    "magnifying-glass": "förstoringsglas", "thumbs-up": "tummen upp",
    "thumbs-down": "tummen ned", "map-pin": "kartnål", "map-trifold": "karta",
    "traffic-sign": "vägskylt", "traffic-cone": "trafikkon", "traffic-signal": "trafikljus",
    "shopping-cart": "kundvagn", "shopping-bag": "shoppingkasse", "credit-card": "kontokort",
    "piggy-bank": "spargris", "baby-carriage": "barnvagn", "paw-print": "tassavtryck",
    "potted-plant": "krukväxt", "tree-evergreen": "barrträd", "ice-cream": "glass",
    "steering-wheel": "ratt", "gas-pump": "bensinpump", "charging-station": "laddstation",
    "solar-panel": "solpanel", "solar-roof": "soltak", "address-book": "adressbok",
    "identification-card": "id-kort", "identification-badge": "id-bricka",
    "washing-machine": "tvättmaskin", "hair-dryer": "hårtork", "fork-knife": "bestick",
    "cooking-pot": "kastrull", "fire-extinguisher": "brandsläckare",
    "graduation-cap": "studentmössa", "cash-register": "kassaapparat",
    "sign-in": "logga in", "sign-out": "logga ut", "log-in": "logga in", "log-out": "logga ut",
    "wheelchair-motion": "rullstol i rörelse", "air-traffic-control": "flygledning",
    "hand-heart": "hand med hjärta", "heart-break": "krossat hjärta",
    "heart-straight": "hjärta rakt", "counter-clockwise": "moturs", "sun-horizon": "solnedgång",
    "cloud-sun": "sol och moln", "cloud-moon": "moln och måne", "moon-stars": "måne och stjärnor",
    "video-conference": "videokonferens", "video-camera": "videokamera",
    "phone-call": "telefonsamtal", "chalkboard-teacher": "lärare vid tavla",
    "person-simple": "person", "user-circle": "användare", "user-focus": "användarfokus",
    "hand-coins": "hand med mynt", "hands-clapping": "applåd", "hands-praying": "knäppta händer",
    "hand-waving": "vinkande hand", "hand-pointing": "pekande hand", "hand-fist": "knytnäve",
    "bounding-box": "avgränsningsruta", "test-tube": "provrör", "seal-check": "godkänd-stämpel",
    "light-bulb": "glödlampa", "swimming-pool": "simbassäng", "treasure-chest": "skattkista",
    "paper-plane": "pappersflygplan", "shopping-cart-simple": "kundvagn",
    "hard-drive": "hårddisk", "hard-drives": "hårddiskar", "floppy-disk": "diskett",
    "game-controller": "spelkontroll", "shooting-star": "stjärnfall",
    "sort-ascending": "sortera stigande", "sort-descending": "sortera fallande",
    "arrows-clockwise": "pilar medurs", "arrows-counter-clockwise": "pilar moturs",
    "lock-key": "lås med nyckel", "lock-open": "upplåst lås", "lock-simple-open": "upplåst lås",
    "road-horizon": "väg mot horisonten", "mountains": "berg", "tip-jar": "dricksburk",
    "flying-saucer": "flygande tefat", "yin-yang": "yin och yang",
    "person-simple-walk": "person som går", "person-simple-run": "person som springer",
    "person-simple-bike": "person som cyklar", "person-simple-swim": "person som simmar",
    "person-simple-hike": "person som vandrar", "person-simple-ski": "person som åker skidor",
    "person-simple-throw": "person som kastar", "person-simple-tai-chi": "person som gör tai chi",
    "person-arms-spread": "person med utsträckta armar",
    "chart-pie": "cirkeldiagram", "chart-pie-slice": "cirkeldiagram", "chart-bar": "stapeldiagram",
    "chart-bar-horizontal": "liggande stapeldiagram", "chart-line": "linjediagram",
    "chart-line-up": "stigande linjediagram", "chart-line-down": "sjunkande linjediagram",
    "chart-scatter": "punktdiagram", "chart-donut": "ringdiagram", "chart-polar": "polärdiagram",
    "push-pin": "häftstift", "hard-hat": "skyddshjälm", "gas-can": "bensindunk",
    "film-slate": "filmklappa", "brackets-curly": "klammerparenteser",
}

SV_WORDS = {
    "address": "adress", "airplane": "flygplan", "plane": "flygplan", "flight": "flyg",
    "landing": "landning", "takeoff": "start", "taxiing": "taxning", "tilt": "lutande",
    "alarm": "larm", "ambulance": "ambulans", "anchor": "ankare", "apple": "äpple",
    "archive": "arkiv", "armchair": "fåtölj", "arrow": "pil", "arrows": "pilar", "atom": "atom",
    "baby": "bebis", "backpack": "ryggsäck", "bag": "väska", "balloon": "ballong",
    "bandaids": "plåster", "bank": "bank", "barcode": "streckkod", "barn": "lada",
    "basket": "korg", "bathtub": "badkar", "battery": "batteri", "beach": "strand", "bed": "säng",
    "bell": "ringklocka", "bicycle": "cykel", "bike": "cykel", "binoculars": "kikare",
    "bird": "fågel", "boat": "båt", "bone": "ben", "book": "bok", "books": "böcker",
    "bookmark": "bokmärke", "bookmarks": "bokmärken", "bowl": "skål", "box": "låda",
    "brain": "hjärna", "bread": "bröd", "bridge": "bro", "briefcase": "portfölj",
    "broadcast": "sändning", "broom": "kvast", "browser": "webbläsare", "browsers": "webbläsare",
    "bug": "insekt", "beetle": "skalbagge", "building": "byggnad", "buildings": "byggnader",
    "apartment": "lägenhet", "bus": "buss", "butterfly": "fjäril", "cake": "tårta",
    "calculator": "miniräknare", "calendar": "kalender", "call": "samtal", "camera": "kamera",
    "car": "bil", "card": "kort", "cards": "kort", "cart": "vagn", "cash": "kontanter",
    "certificate": "intyg", "chair": "stol", "chalkboard": "griffeltavla", "chart": "diagram",
    "chat": "chatt", "chats": "chattar", "check": "bock", "checks": "bockar",
    "checkered": "rutig", "chef": "kock", "hat": "hatt", "circle": "cirkel", "circles": "cirklar",
    "city": "stad", "clipboard": "skrivplatta", "clock": "klocka", "clockwise": "medurs",
    "cloud": "moln", "rain": "regn", "snow": "snö", "fog": "dimma", "lightning": "blixt",
    "sun": "sol", "moon": "måne", "code": "kod", "coffee": "kaffe", "coin": "mynt",
    "coins": "mynt", "compass": "kompass", "computer": "dator", "cooking": "matlagning",
    "pot": "gryta", "copy": "kopiera", "couch": "soffa", "cow": "ko", "cross": "kors",
    "crown": "krona", "cube": "kub", "currency": "valuta", "database": "databas",
    "desk": "skrivbord", "desktop": "stationär dator", "device": "enhet", "devices": "enheter",
    "mobile": "mobil", "tablet": "surfplatta", "dna": "dna", "dog": "hund", "door": "dörr",
    "open": "öppen", "download": "ladda ned", "upload": "ladda upp", "drop": "droppe",
    "ear": "öra", "egg": "ägg", "elevator": "hiss", "envelope": "kuvert", "equals": "lika med",
    "eye": "öga", "eyes": "ögon", "eyeglasses": "glasögon", "face": "ansikte", "mask": "mask",
    "factory": "fabrik", "farm": "bondgård", "feather": "fjäder", "file": "fil", "files": "filer",
    "film": "film", "fingerprint": "fingeravtryck", "fire": "eld", "flame": "låga",
    "fish": "fisk", "flag": "flagga", "banner": "banderoll", "pennant": "vimpel",
    "flashlight": "ficklampa", "flask": "kolv", "flower": "blomma", "tulip": "tulpan",
    "lotus": "lotus", "folder": "mapp", "folders": "mappar", "footprints": "fotspår",
    "fork": "gaffel", "knife": "kniv", "funnel": "tratt", "game": "spel", "garage": "garage",
    "gauge": "mätare", "gear": "kugghjul", "gender": "kön", "gift": "present",
    "globe": "jordglob", "hemisphere": "halvklot", "graduation": "examen", "cap": "mössa",
    "graph": "graf", "grid": "rutnät", "hand": "hand", "hands": "händer",
    "handshake": "handslag", "heart": "hjärta", "heartbeat": "hjärtslag",
    "headphones": "hörlurar", "headset": "headset", "house": "hus", "hospital": "sjukhus",
    "hourglass": "timglas", "ice": "is", "identification": "id", "badge": "bricka",
    "image": "bild", "images": "bilder", "picture": "bild", "info": "info",
    "infinity": "oändlighet", "island": "ö", "key": "nyckel", "keyhole": "nyckelhål",
    "keyboard": "tangentbord", "ladder": "stege", "lamp": "lampa", "laptop": "bärbar dator",
    "leaf": "löv", "lifebuoy": "livboj", "lightbulb": "glödlampa", "lighthouse": "fyr",
    "link": "länk", "list": "lista", "lock": "lås", "magnet": "magnet", "map": "karta",
    "pin": "nål", "medal": "medalj", "megaphone": "megafon", "microphone": "mikrofon",
    "microscope": "mikroskop", "money": "pengar", "monitor": "skärm", "moped": "moped",
    "motorcycle": "motorcykel", "mountains": "berg", "mouse": "mus", "music": "musik",
    "needle": "nål", "network": "nätverk", "newspaper": "tidning", "note": "anteckning",
    "notes": "anteckningar", "notebook": "anteckningsbok", "notepad": "anteckningsblock",
    "notification": "avisering", "package": "paket", "paint": "färg", "brush": "pensel",
    "palette": "palett", "paper": "papper", "paperclip": "gem", "park": "park",
    "password": "lösenord", "path": "stig", "pause": "paus", "pen": "penna",
    "pencil": "blyertspenna", "person": "person", "phone": "telefon", "pill": "tablett",
    "plant": "växt", "play": "spela", "plug": "kontakt", "plugs": "kontakter", "plus": "plus",
    "minus": "minus", "police": "polis", "printer": "skrivare", "prescription": "recept",
    "presentation": "presentation", "projector": "projektor", "pulse": "puls",
    "puzzle": "pussel", "piece": "bit", "question": "fråga", "radio": "radio",
    "rainbow": "regnbåge", "receipt": "kvitto", "recycle": "återvinning", "road": "väg",
    "horizon": "horisont", "robot": "robot", "rocket": "raket", "launch": "uppskjutning",
    "ruler": "linjal", "scales": "våg", "scissors": "sax", "scooter": "sparkcykel",
    "seat": "säte", "seatbelt": "säkerhetsbälte", "share": "dela", "shield": "sköld",
    "shirt": "tröja", "shopping": "shopping", "shower": "dusch", "siren": "siren",
    "signpost": "vägvisare", "signature": "namnteckning", "sign": "skylt",
    "sneaker": "gympasko", "snowflake": "snöflinga", "sparkle": "gnista",
    "speaker": "högtalare", "stack": "stapel", "stairs": "trappa", "star": "stjärna",
    "stethoscope": "stetoskop", "steps": "steg", "storefront": "butik", "student": "student",
    "subway": "tunnelbana", "suitcase": "resväska", "rolling": "rullande",
    "sunglasses": "solglasögon", "syringe": "spruta", "table": "tabell", "tag": "etikett",
    "target": "måltavla", "taxi": "taxi", "teacher": "lärare", "television": "tv",
    "tent": "tält", "thermometer": "termometer", "cold": "kall", "hot": "varm",
    "ticket": "biljett", "timer": "timer", "toilet": "toalett", "toolbox": "verktygslåda",
    "tooth": "tand", "tractor": "traktor", "train": "tåg", "tram": "spårvagn",
    "translate": "översätt", "trash": "papperskorg", "tree": "träd", "trophy": "pokal",
    "truck": "lastbil", "umbrella": "paraply", "user": "person", "users": "personer",
    "van": "skåpbil", "video": "video", "conference": "konferens", "virus": "virus",
    "wallet": "plånbok", "warning": "varning", "watch": "armbandsur", "waves": "vågor",
    "wave": "våg", "wheelchair": "rullstol", "wifi": "wifi", "wind": "vind",
    "windmill": "väderkvarn", "wrench": "skiftnyckel", "x": "kryss", "slash": "överstruken",
    "up": "upp", "down": "ned", "left": "vänster", "right": "höger", "line": "linje",
    "lines": "linjer", "square": "kvadrat", "dashed": "streckad", "dots": "prickar",
    "one": "ett", "two": "två", "three": "tre", "four": "fyra", "five": "fem", "six": "sex",
    "seven": "sju", "eight": "åtta", "nine": "nio", "zero": "noll", "number": "nummer",
    "vertical": "lodrät", "horizontal": "vågrät", "half": "halv", "full": "full",
    "empty": "tom", "double": "dubbel", "high": "hög", "low": "låg", "medium": "medel",
    "closed": "stängd", "out": "ut", "in": "i", "of": "av", "fat": "tjock", "text": "text",
    "align": "justera", "bend": "böjd", "elbow": "vinklad", "caret": "vinkel",
    "bottom": "nederkant", "top": "överkant", "center": "mitten", "centered": "centrerad",
    "split": "delad", "straight": "rak", "triangle": "triangel", "rectangle": "rektangel",
    "hexagon": "hexagon", "octagon": "oktagon", "diamond": "romb", "sphere": "sfär",
    "cylinder": "cylinder", "spiral": "spiral", "selection": "markering", "cursor": "markör",
    "click": "klick", "pointing": "pekande", "palm": "handflata", "fist": "knytnäve",
    "waving": "vinkande", "clapping": "klappande", "tap": "tryck", "swipe": "svep",
    "grabbing": "gripande", "withdraw": "uttag", "deposit": "insättning", "soap": "tvål",
    "ringing": "ringande", "charging": "laddning", "signal": "signal", "cell": "mobil",
    "tower": "torn", "sound": "ljud", "record": "spela in", "stop": "stopp", "skip": "hoppa",
    "forward": "framåt", "back": "bakåt", "rewind": "spola tillbaka", "repeat": "upprepa",
    "shuffle": "blanda", "tray": "fack", "handbag": "handväska", "tote": "kasse",
    "asclepius": "esculapstav", "aid": "hjälp", "kit": "väska", "first": "första",
    "carriage": "vagn", "walk": "promenad", "run": "löpning", "exam": "prov",
    "warehouse": "lager", "church": "kyrka", "mosque": "moské", "synagogue": "synagoga",
    "castle": "slott", "turret": "torn", "office": "kontor", "cpu": "processor",
    "memory": "minne", "power": "ström", "panel": "panel", "roof": "tak",
    "headlights": "strålkastare", "engine": "motor", "tire": "däck", "cone": "kon",
    "navigation": "navigering", "crosshair": "sikte", "sailboat": "segelbåt",
    "parachute": "fallskärm", "drone": "drönare", "smiley": "smiley", "sad": "ledsen",
    "happy": "glad", "angry": "arg", "nervous": "nervös", "wink": "blinkning",
    "sticker": "klistermärke", "cactus": "kaktus", "acorn": "ekollon", "clover": "klöver",
    "log": "stock", "tornado": "tromb", "hurricane": "orkan", "campfire": "lägereld",
    "rabbit": "kanin", "cat": "katt", "horse": "häst", "shrimp": "räka", "carrot": "morot",
    "cheese": "ost", "tea": "te", "cookie": "kaka", "hamburger": "hamburgare",
    "orange": "apelsin", "pepper": "paprika", "cherries": "körsbär", "grains": "spannmål",
    "wine": "vin", "beer": "öl", "stamp": "stämpel", "gavel": "klubba", "invoice": "faktura",
    "kanban": "kanban", "intersection": "korsning", "traffic": "trafik", "gps": "gps",
    "jeep": "jeep", "helicopter": "helikopter", "airplay": "airplay", "dice": "tärning",
    "ball": "boll", "glass": "glas", "seal": "sigill", "crane": "lyftkran",
    "escalator": "rulltrappa", "trolley": "vagn", "trend": "trend", "coat": "kappa",
    "hanger": "galge", "mailbox": "brevlåda", "broken": "trasig", "ranking": "rangordning",
    "scan": "skanna", "shapes": "former", "eraser": "suddgummi",
    "highlighter": "överstrykningspenna", "marker": "märkpenna", "sliders": "reglage",
    "faders": "reglage", "toggle": "brytare", "webcam": "webbkamera", "bluetooth": "bluetooth",
    "usb": "usb", "vibrate": "vibrera", "voicemail": "röstbrevlåda",
    "speedometer": "hastighetsmätare", "connected": "ansluten", "disconnect": "koppla från",
    "incoming": "inkommande", "outgoing": "utgående", "transfer": "överföring",
    "exclamation": "utropstecken", "mark": "tecken", "percent": "procent",
    "barricade": "vägspärr", "bulldozer": "bulldozer", "rows": "rader", "columns": "kolumner",
    "teardrop": "droppe", "blank": "tom", "break": "brytning", "article": "artikel",
    "baseball": "baseboll", "dot": "punkt", "corners": "hörn", "dollar": "dollar",
    "outline": "kontur", "letter": "bokstav", "spinner": "laddningssnurra", "tabs": "flikar",
    "window": "fönster", "asterisk": "asterisk", "helmet": "hjälm", "basketball": "basketboll",
    "bottle": "flaska", "rotate": "rotera", "bar": "stapel", "pie": "tårtbit", "slice": "del",
    "cigarette": "cigarett", "eject": "mata ut", "fast": "snabb", "football": "fotboll",
    "peace": "fred", "jar": "burk", "scroll": "skriftrulle", "screen": "skärm",
    "member": "medlem", "prohibit": "förbud", "subtitles": "undertexter",
    "terminal": "terminal", "scribble": "klotter", "underline": "understrykning",
    "trademark": "varumärke", "app": "app", "avocado": "avokado", "axe": "yxa",
    "backspace": "backsteg", "barbell": "skivstång", "beanie": "mössa", "belt": "bälte",
    "binary": "binär", "blueprint": "ritning", "bomb": "bomb", "boot": "känga",
    "bowling": "bowling", "boxing": "boxning", "glove": "handske", "cable": "kabel",
    "profile": "profil", "cassette": "kassett", "tape": "band", "champagne": "champagne",
    "donut": "munk", "cheers": "skål", "command": "kommando", "rose": "ros", "tool": "verktyg",
    "confetti": "konfetti", "contactless": "kontaktlös", "payment": "betalning",
    "control": "kontroll", "crop": "beskär", "focus": "fokus", "detective": "detektiv",
    "disc": "skiva", "divide": "dividera", "dress": "klänning", "dresser": "byrå",
    "export": "exportera", "fan": "fläkt", "audio": "ljud", "script": "manus",
    "human": "människa", "fold": "vikt", "flow": "flöde", "frame": "ram",
    "function": "funktion", "female": "kvinna", "male": "man", "ghost": "spöke",
    "branch": "gren", "east": "öst", "west": "väst", "stand": "ställ",
    "goggles": "skyddsglasögon", "golf": "golf", "guitar": "gitarr", "hammer": "hammare",
    "head": "huvud", "circuit": "krets", "circuitry": "kretsar", "heel": "klack",
    "hockey": "hockey", "hoodie": "huvtröja", "label": "etikett", "joystick": "joystick",
    "return": "retur", "lectern": "talarstol", "filament": "glödtråd", "segment": "segment",
    "segments": "segment", "steam": "ånga", "food": "mat", "round": "rund", "metal": "metall",
    "pendant": "hänge", "laminated": "laminerad", "layout": "layout", "sample": "prov",
    "reel": "rulle", "strip": "remsa", "countdown": "nedräkning", "afternoon": "eftermiddag",
    "captioning": "textning", "cardholder": "korthållare", "notch": "skåra",
    "cricket": "kricket", "diamonds": "ruter", "crack": "spricka", "shelter": "skyddsrum",
    "bean": "böna", "block": "block", "sharp": "skarp", "checkerboard": "schackbräde",
    "angle": "vinkel", "arc": "båge", "merge": "sammanfoga", "exclude": "exkludera",
    "eyedropper": "pipett", "flip": "vänd", "greater": "större", "less": "mindre",
    "than": "än", "or": "eller", "equal": "lika", "not": "inte", "definition": "upplösning",
    "area": "yta", "nib": "spets", "pipe": "rör", "chevron": "vinkel", "sidebar": "sidopanel",
    "subset": "delmängd", "superset": "övermängd", "intersect": "skärning", "unite": "förena",
    "subtract": "subtrahera", "vector": "vektor", "waveform": "vågform",
    "alien": "utomjording", "aperture": "bländare", "approximate": "ungefär", "curve": "kurva",
    "biohazard": "biologisk fara", "brandy": "konjak", "court": "plan", "none": "ingen",
    "push": "tryck", "brackets": "parenteser",
}
SV_DROP = {"simple", "fill"}

# Extra Swedish keywords from Phosphor's English tags (single words only; shapes and
# directions are left out, they say little on their own).
TAG_SKIP = {
    "circle", "square", "up", "down", "left", "right", "x", "slash", "line", "lines", "dots",
    "triangle", "pointing", "round", "open", "closed", "in", "out", "of", "one", "two",
    "three", "four", "five", "six", "seven", "eight", "nine", "zero", "half", "full", "empty",
    "double", "high", "low", "medium", "fat", "bend", "elbow", "caret", "chevron", "mark",
    "text", "dot", "or", "not", "than", "times", "tag", "table", "bar", "stack", "box",
}
SV_TAGS = {k: v for k, v in SV_WORDS.items() if k not in TAG_SKIP}
SV_TAGS.update({
    "love": "kärlek", "health": "hälsa", "healthcare": "sjukvård", "medical": "medicinsk",
    "medicine": "medicin", "doctor": "läkare", "nurse": "sjuksköterska", "hospital": "sjukhus",
    "emergency": "akut", "travel": "resa", "transportation": "transport",
    "vehicles": "fordon", "vehicle": "fordon", "home": "hem", "family": "familj",
    "children": "barn", "kids": "barn", "child": "barn", "people": "personer",
    "messages": "meddelanden", "message": "meddelande", "mail": "post", "email": "e-post",
    "letter": "brev", "time": "tid", "schedule": "schema", "date": "datum",
    "search": "sök", "settings": "inställningar", "security": "säkerhet",
    "secure": "säker", "private": "privat", "weather": "väder", "nature": "natur",
    "location": "plats", "places": "platser", "directions": "vägbeskrivning",
    "education": "utbildning", "school": "skola", "learning": "lärande",
    "accessibility": "tillgänglighet", "disability": "funktionsnedsättning",
    "walking": "gå", "running": "löpning", "exercise": "motion", "fitness": "träning",
    "food": "mat", "drink": "dryck", "money": "pengar", "finance": "ekonomi",
    "shopping": "shopping", "store": "butik", "work": "arbete", "office": "kontor",
    "calls": "samtal", "meeting": "möte", "meetings": "möten", "camera": "kamera",
    "photography": "fotografi", "checkmark": "bock", "done": "klart", "success": "framgång",
    "error": "fel", "warning": "varning", "help": "hjälp", "favorite": "favorit",
    "favorites": "favoriter", "like": "gilla", "sick": "sjuk", "illness": "sjukdom",
    "pharmacy": "apotek", "drugs": "läkemedel", "science": "vetenskap",
    "laboratory": "laboratorium", "sleep": "sömn", "building": "byggnad",
    "city": "stad", "road": "väg", "street": "gata", "map": "karta", "maps": "kartor",
    "goal": "mål", "idea": "idé", "teamwork": "samarbete", "team": "team",
    "group": "grupp", "agreement": "överenskommelse", "deal": "avtal",
})

PLACE_WORDS = {
    "house", "buildings", "building", "hospital", "warehouse", "factory", "church", "mosque",
    "synagogue", "castle", "storefront", "bank", "barn", "garage", "lighthouse", "farm",
    "city", "park", "tent", "tipi", "office", "apartment", "lockers", "door", "stairs",
    "elevator", "escalator", "bed", "couch", "armchair", "bathtub", "shower", "toilet",
}
VEHICLE_WORDS = {
    "car", "bus", "train", "tram", "subway", "taxi", "truck", "van", "ambulance", "bicycle",
    "airplane", "boat", "sailboat", "motorcycle", "moped", "scooter", "jeep", "tractor",
    "helicopter", "rocket", "trolley", "tire", "steering", "engine", "headlights", "seatbelt",
    "gas", "traffic", "road", "signpost", "parachute", "drone", "bulldozer",
}

CATEGORY_OF = {
    "health & wellness": "care", "people": "people", "nature": "nature",
    "weather": "nature", "weather & nature": "nature", "maps & travel": "transport",
    "communications": "digital", "communication": "digital",
    "technology & development": "digital", "office": "digital", "office & editing": "digital",
    "media": "digital",
}
PRIORITY = ["care", "people", "nature", "transport", "digital"]

FLUENT_LICENSE = """MIT License

Copyright (c) Microsoft Corporation.

Permission is hereby granted, free of charge, to any person obtaining a copy
of this software and associated documentation files (the "Software"), to deal
in the Software without restriction, including without limitation the rights
to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
copies of the Software, and to permit persons to whom the Software is
furnished to do so, subject to the following conditions:

The above copyright notice and this permission notice shall be included in all
copies or substantial portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE
SOFTWARE
"""


def fail(msg):
    sys.exit(f"extract.py: {msg}")


def keywords(text):
    """A keyword list as one catalogue field: trimmed, de-duplicated, no commas inside."""
    seen, out = set(), []
    for w in text:
        w = " ".join(w.replace("\t", " ").replace(",", " ").split())
        if w and w not in seen:
            seen.add(w)
            out.append(w)
    return ",".join(out)


def parse_table(text, cols):
    rows = []
    category = None
    for line in text.strip().splitlines():
        line = line.strip()
        if not line:
            continue
        if line.startswith("#"):
            category = line[1:].strip()
            continue
        parts = [p.strip() for p in line.split("|")]
        if len(parts) != cols:
            fail(f"bad table line: {line}")
        rows.append((category, parts))
    return rows


# ---------------------------------------------------------------- packages

def get_packages(src):
    """Unpacks both tarballs into a temporary directory; returns (tmp, fluent, phosphor)."""
    tmp = tempfile.mkdtemp(prefix="malbild-illustrations-")
    if src is None:
        for pkg in (FLUENT_PKG, PHOSPHOR_PKG):
            r = subprocess.run(["npm", "pack", pkg, "--silent"], cwd=tmp,
                               capture_output=True, text=True)
            if r.returncode != 0:
                fail(f"npm pack {pkg} failed:\n{r.stderr.strip()[-2000:]}")
        src = tmp
    dirs = []
    for pattern, name in ((FLUENT_TGZ, "fluent"), (PHOSPHOR_TGZ, "phosphor")):
        found = sorted(glob.glob(os.path.join(src, pattern)))
        if not found:
            fail(f"no {pattern} in {src}")
        dest = os.path.join(tmp, name)
        with tarfile.open(found[-1]) as tar:
            try:
                tar.extractall(dest, filter="data")
            except TypeError:  # Python < 3.12 without the filter argument
                tar.extractall(dest)
        dirs.append(os.path.join(dest, "package"))
    return tmp, dirs[0], dirs[1]


# ---------------------------------------------------------------- fluent

def fluent_svg(data, name):
    icons, aliases = data["icons"], data.get("aliases", {})
    flip = False
    seen = set()
    while name not in icons:
        if name not in aliases or name in seen:
            fail(f"Fluent Emoji Flat has no {name}")
        seen.add(name)
        alias = aliases[name]
        if alias.get("vFlip") or alias.get("rotate"):
            fail(f"alias {name} needs a transform this script does not make")
        flip ^= bool(alias.get("hFlip"))
        name = alias["parent"]
    icon = icons[name]
    w = icon.get("width", data.get("width", 32))
    h = icon.get("height", data.get("height", 32))
    body = icon["body"]
    if flip:
        body = f'<g transform="translate({w} 0) scale(-1 1)">{body}</g>'
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" '
            f'viewBox="0 0 {w} {h}">{body}</svg>\n')


# ---------------------------------------------------------------- phosphor

def phosphor_meta(pkg):
    """name -> (categories, tags), read with regexes from dist/index.mjs."""
    path = os.path.join(pkg, "dist", "index.mjs")
    src = open(path, encoding="utf-8").read()
    enums = {}
    for var, body in re.findall(r"\b(\w+) = /\* @__PURE__ \*/ \(\(\w+\) => \((.*?)\)\)\(", src):
        enums[var] = dict(re.findall(r"\w+\.(\w+) = \"([^\"]*)\"", body))
    meta = {}
    for m in re.finditer(r"\{\s*name: \"([^\"]+)\",(.*?)\n  \}", src, re.S):
        name, block = m.group(1), m.group(2)
        cats = []
        c = re.search(r"categories: \[([^\]]*)\]", block)
        for var, key in re.findall(r"(\w+)\.(\w+)", c.group(1) if c else ""):
            cats.append(enums.get(var, {}).get(key, key.lower()))
        f = re.search(r"figma_category: (\w+)\.(\w+)", block)
        if f:
            cats.append(enums.get(f.group(1), {}).get(f.group(2), f.group(2).lower()))
        t = re.search(r"tags: \[([^\]]*)\]", block)
        tags = re.findall(r"\"([^\"]*)\"", t.group(1)) if t else []
        meta[name] = (cats, tags)
    if len(meta) < 1000:
        fail(f"read only {len(meta)} icons from {path}")
    return meta


def phosphor_category(name, cats):
    words = set(name.split("-"))
    if words & PLACE_WORDS and name != "piggy-bank":
        return "places"
    if words & VEHICLE_WORDS:
        return "transport"
    mapped = {CATEGORY_OF[c] for c in cats if c in CATEGORY_OF}
    for c in PRIORITY:
        if c in mapped:
            return c
    return "symbols"


def swedish_name(name):
    words = name.split("-")
    if "logo" in words:
        brand = " ".join(w.capitalize() for w in words if w != "logo")
        return (brand + "-logotyp") if brand else "logotyp", []
    out, parts, translated = [], [], False
    i = 0
    while i < len(words):
        for n in (4, 3, 2):
            key = "-".join(words[i:i + n])
            if i + n <= len(words) and key in SV_PHRASES:
                out.append(SV_PHRASES[key])
                parts.append(SV_PHRASES[key])
                translated = True
                i += n
                break
        else:
            w = words[i]
            if w in SV_DROP:
                pass
            elif w in SV_WORDS:
                out.append(SV_WORDS[w])
                parts.append(SV_WORDS[w])
                translated = True
            else:
                out.append(w)
            i += 1
    if not translated or not out:
        return name.replace("-", " "), []
    return " ".join(out), parts


def phosphor_row(name, cats, tags):
    sv_name, parts = swedish_name(name)
    tags = [t.lower() for t in tags if not t.startswith("*")]
    sv = [sv_name] + [p for p in parts if p != sv_name]
    for t in tags:
        if t in SV_TAGS:
            sv.append(SV_TAGS[t])
    en = [name.replace("-", " ")] + tags
    sv_field = keywords(sv).split(",")[:8]
    en_field = keywords(en).split(",")[:8]
    return (f"phosphor:{name}", "phosphor", phosphor_category(name, cats),
            f"phosphor/{name}.svg", ",".join(sv_field), ",".join(en_field), "yes")


# ---------------------------------------------------------------- writing

def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


def prune(directory, keep):
    for f in sorted(os.listdir(directory)):
        if f.endswith(".svg") and f not in keep:
            os.remove(os.path.join(directory, f))


def build(src):
    tmp, fluent_pkg, phosphor_pkg = get_packages(src)
    try:
        rows = []
        # Fluent
        data = json.load(open(os.path.join(fluent_pkg, "icons.json"), encoding="utf-8"))
        table = parse_table(FLUENT, 3)
        by_cat = {c: [] for c in CATEGORIES}
        for cat, (name, sv, en) in table:
            if cat not in by_cat:
                fail(f"unknown category {cat}")
            by_cat[cat].append((name, sv, en))
        written = set()
        for cat in CATEGORIES:
            for name, sv, en in by_cat[cat]:
                if name in written:
                    fail(f"{name} twice in FLUENT")
                written.add(name)
                write(os.path.join(OUT, "fluent", f"{name}.svg"), fluent_svg(data, name))
                rows.append((f"fluent:{name}", "fluent", cat, f"fluent/{name}.svg",
                             keywords(sv.split(",")), keywords(en.split(",")), "no"))
        prune(os.path.join(OUT, "fluent"), {f"{n}.svg" for n in written})
        lic = [p for p in glob.glob(os.path.join(fluent_pkg, "LICEN[CS]E*"))]
        write(os.path.join(OUT, "LICENSE-fluent-emoji.txt"),
              open(lic[0], encoding="utf-8").read() if lic else FLUENT_LICENSE)

        # Målbild's own pieces (drawn by hand; only listed here)
        for _, (name, cat, sv, en) in parse_table(MALBILD, 4):
            if not os.path.isfile(os.path.join(OUT, "malbild", f"{name}.svg")):
                fail(f"malbild/{name}.svg is missing")
            rows.append((f"malbild:{name}", "malbild", cat, f"malbild/{name}.svg",
                         keywords(sv.split(",")), keywords(en.split(",")), "yes"))

        # Phosphor: every regular icon
        meta = phosphor_meta(phosphor_pkg)
        regular = os.path.join(phosphor_pkg, "assets", "regular")
        names = sorted(f[:-4] for f in os.listdir(regular) if f.endswith(".svg"))
        out_dir = os.path.join(OUT, "phosphor")
        for name in names:
            svg = open(os.path.join(regular, f"{name}.svg"), encoding="utf-8").read().strip()
            svg = svg.replace("currentColor", "#000000")
            svg = re.sub(r"<svg\b", '<svg width="256" height="256"', svg, count=1)
            write(os.path.join(out_dir, f"{name}.svg"), svg + "\n")
            cats, tags = meta.get(name, ([], []))
            rows.append(phosphor_row(name, cats, tags))
        prune(out_dir, {f"{n}.svg" for n in names})
        lic = os.path.join(phosphor_pkg, "LICENSE")
        if not os.path.isfile(lic):
            fail("the Phosphor package has no LICENSE")
        write(os.path.join(OUT, "LICENSE-phosphor.txt"), open(lic, encoding="utf-8").read())

        lines = [HEADER] + ["\t".join(r) for r in rows]
        write(os.path.join(OUT, "catalog.tsv"), "\n".join(lines) + "\n")
        missing = [n for n in names if n not in meta]
        print(f"wrote {len(rows)} items ({len(written)} fluent, {len(names)} phosphor); "
              f"{len(missing)} phosphor icons without metadata")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


# ---------------------------------------------------------------- checking

def check_svg(path):
    problems = []
    text = open(path, encoding="utf-8").read()
    try:
        root = ET.fromstring(text)
    except ET.ParseError as e:
        return [f"does not parse: {e}"]
    if root.tag != "{http://www.w3.org/2000/svg}svg":
        problems.append("root is not <svg>")
    if not root.get("viewBox"):
        problems.append("no viewBox")
    for el in root.iter():
        tag = el.tag.split("}")[-1]
        if tag in ("script", "foreignObject", "text"):
            problems.append(f"<{tag}>")
        for k, v in el.attrib.items():
            if k.split("}")[-1] == "href" and not (v.startswith("#") or v.startswith("data:")):
                problems.append(f"href {v[:40]}")
            for u in re.findall(r"url\(\s*['\"]?([^)'\"]*)", v):
                if not u.startswith("#"):
                    problems.append(f"url({u[:40]})")
    if re.search(r"url\(\s*['\"]?[^#'\")\s]", text) and not any("url(" in p for p in problems):
        problems.append("url( outside an attribute")
    return problems


def check():
    path = os.path.join(OUT, "catalog.tsv")
    raw = open(path, "rb").read()
    if b"\r" in raw:
        fail("catalog.tsv has CR line endings")
    lines = raw.decode("utf-8").split("\n")
    if lines[-1] == "":
        lines.pop()
    errors = []
    if lines[0] != HEADER:
        errors.append("bad header")
    ids, per_set, per_cat, per_set_cat = set(), {}, {}, {}
    for n, line in enumerate(lines[1:], start=2):
        cols = line.split("\t")
        if len(cols) != 7:
            errors.append(f"line {n}: {len(cols)} columns")
            continue
        id_, set_, cat, file, sv, en, tint = cols
        if not ID_RE.match(id_) or id_.split(":")[0] != set_:
            errors.append(f"line {n}: bad id {id_}")
        if id_ in ids:
            errors.append(f"line {n}: {id_} twice")
        ids.add(id_)
        if cat not in CATEGORIES:
            errors.append(f"line {n}: bad category {cat}")
        if not sv.strip() or not en.strip() or ",," in sv or ",," in en:
            errors.append(f"line {n}: empty keywords")
        if tint != ("no" if set_ == "fluent" else "yes"):
            errors.append(f"line {n}: tint {tint}")
        full = os.path.join(OUT, file)
        if not os.path.isfile(full):
            errors.append(f"line {n}: {file} missing")
            continue
        errors += [f"{file}: {p}" for p in check_svg(full)]
        per_set[set_] = per_set.get(set_, 0) + 1
        per_cat[cat] = per_cat.get(cat, 0) + 1
        per_set_cat.setdefault(set_, {}).setdefault(cat, 0)
        per_set_cat[set_][cat] += 1
    print("sets:", ", ".join(f"{s} {per_set[s]}" for s in sorted(per_set)),
          f"(total {sum(per_set.values())})")
    print("categories:", ", ".join(f"{c} {per_cat.get(c, 0)}" for c in CATEGORIES))
    for s in sorted(per_set_cat):
        print(f"  {s}:", ", ".join(f"{c} {per_set_cat[s].get(c, 0)}" for c in CATEGORIES))
    if errors:
        for e in errors[:20]:
            print("error:", e)
        fail(f"{len(errors)} problems")
    print("ok")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--from", dest="src", metavar="DIR",
                    help="use the npm tarballs already in DIR instead of running npm pack")
    ap.add_argument("--check", action="store_true", help="verify catalog.tsv and its files")
    args = ap.parse_args()
    if args.check:
        check()
    else:
        build(args.src)


if __name__ == "__main__":
    main()
