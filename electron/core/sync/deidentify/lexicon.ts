/**
 * Word lists the detectors share. Kept in one place so a false flag found in a real transcript is
 * fixed by adding a word here, not by bending a pattern. All lookups are lower-case.
 */

/** Lower-cased, with typographic apostrophes made plain, so "I’m" and "I'm" are one entry. */
export function normalizeWord(word: string): string {
  return word.toLowerCase().replace(/[’‘]/g, "'");
}

const words = (list: string) => new Set(list.split('|').map(normalizeWord));

export function inList(list: ReadonlySet<string>, word: string): boolean {
  return list.has(normalizeWord(word));
}

/** Safe Harbor lets states (and countries) stay: they are never a LOCATION on their own. */
export const US_STATES = words(
  'Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Georgia|Hawaii|Idaho|Illinois|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|Massachusetts|Michigan|Minnesota|Mississippi|Missouri|Montana|Nebraska|Nevada|New Hampshire|New Jersey|New Mexico|New York|North Carolina|North Dakota|Ohio|Oklahoma|Oregon|Pennsylvania|Rhode Island|South Carolina|South Dakota|Tennessee|Texas|Utah|Vermont|Virginia|Washington|West Virginia|Wisconsin|Wyoming|Puerto Rico',
);

export const STATE_ABBREVIATIONS =
  'AL|AK|AZ|AR|CA|CO|CT|DE|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|NJ|NM|NY|NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY|DC|PR';

export const COUNTRIES = words(
  'America|United States|USA|US|Canada|Mexico|England|Britain|UK|Ireland|Scotland|Wales|France|Germany|Italy|Spain|Portugal|Poland|Russia|Ukraine|China|Japan|Korea|India|Pakistan|Bangladesh|Philippines|Vietnam|Thailand|Nigeria|Ghana|Kenya|Ethiopia|Somalia|Egypt|Morocco|Israel|Iran|Iraq|Syria|Lebanon|Afghanistan|Turkey|Greece|Brazil|Argentina|Colombia|Venezuela|Peru|Chile|Cuba|Haiti|Jamaica|Guatemala|Honduras|El Salvador|Nicaragua|Dominican Republic|Australia|Europe|Asia|Africa|Latin America|Central America|South America|Canada',
);

export const MONTHS = words(
  'January|February|March|April|May|June|July|August|September|October|November|December',
);

export const WEEKDAYS = words('Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday');

/**
 * Capitalised words that are not people or places: languages and nationalities, faiths, holidays,
 * medications, apps, clinical terms, the speaker labels of a transcript. A capitalised word
 * mid-sentence that is not in here is treated as a proper noun, and so as an identifier.
 */
export const NOT_IDENTIFYING = words(
  [
    'I|I’m|I’d|I’ll|I’ve|I’m|OK|Okay|Clinician|Client|Therapist|Speaker|Interviewer|Patient|Note',
    'English|Spanish|French|German|Italian|Chinese|Mandarin|Cantonese|Japanese|Korean|Arabic|Hindi|Urdu|Russian|Polish|Portuguese|Vietnamese|Tagalog|Hebrew|Greek|Latin|Creole|Irish|Scottish|British|American|Mexican|Canadian|Indian|Asian|African|European|Black|White|Latino|Latina|Latinx|Hispanic|Native|Jewish|Muslim|Catholic|Christian|Protestant|Baptist|Methodist|Mormon|Buddhist|Hindu|Sikh|Islam|Judaism|Christianity',
    'God|Lord|Jesus|Christ|Bible|Allah|Heaven|Hell|Mass|Sabbath|Ramadan|Eid|Easter|Christmas|Xmas|Thanksgiving|Hanukkah|Passover|Diwali|Halloween|Lent|Advent|Kwanzaa',
    'Mom|Mum|Mommy|Mama|Dad|Daddy|Papa|Pa|Ma|Grandma|Grandpa|Granny|Nana|Nan|Gran|Grandmother|Grandfather|Mother|Father|Sis|Bro|Auntie|Aunt|Uncle|Sir|Madam|Ma’am|Honey|Babe|Baby|Doc|Doctor|Nurse|Coach|Officer|Judge|Pastor|Dr|Mr|Mrs|Ms|Mx|Miss',
    'Lexapro|Zoloft|Prozac|Paxil|Celexa|Effexor|Cymbalta|Wellbutrin|Xanax|Ativan|Klonopin|Valium|Adderall|Ritalin|Vyvanse|Concerta|Strattera|Seroquel|Abilify|Risperdal|Zyprexa|Latuda|Lamictal|Depakote|Lithium|Trazodone|Ambien|Buspar|Buspirone|Suboxone|Narcan|Vivitrol|Antabuse|Naltrexone|Methadone|Gabapentin|Neurontin|Topamax|Tylenol|Advil|Benadryl|Melatonin|Remeron|Spravato|Ketamine|Ozempic|Prazosin|Propranolol|Hydroxyzine|Vistaril|Clonidine|Guanfacine|Intuniv|Auvelity|Rexulti|Vraylar|Caplyta|Trintellix|Pristiq|Viibryd|Fetzima|Emsam|Lyrica|Percocet|Vicodin|Oxy|OxyContin|Fentanyl|Molly|Ecstasy',
    // Generic names of the medications a mental-health session mentions most (the brands are above).
    'sertraline|fluoxetine|escitalopram|citalopram|paroxetine|fluvoxamine|venlafaxine|desvenlafaxine|duloxetine|bupropion|mirtazapine|vortioxetine|vilazodone|levomilnacipran|amitriptyline|nortriptyline|doxepin|imipramine|clomipramine|phenelzine|tranylcypromine|selegiline|aripiprazole|brexpiprazole|cariprazine|quetiapine|olanzapine|risperidone|paliperidone|lurasidone|ziprasidone|Geodon|clozapine|Clozaril|haloperidol|Haldol|lumateperone|lamotrigine|valproate|divalproex|carbamazepine|Tegretol|oxcarbazepine|Trileptal|topiramate|pregabalin|alprazolam|lorazepam|clonazepam|diazepam|temazepam|zolpidem|eszopiclone|Lunesta|methylphenidate|amphetamine|dextroamphetamine|lisdexamfetamine|atomoxetine|modafinil|buprenorphine|naloxone|disulfiram|acamprosate|esketamine|varenicline|Chantix|nicotine|semaglutide|levothyroxine|Synthroid|metformin|ibuprofen|acetaminophen|Motrin|Aleve|naproxen|oxycodone|hydrocodone|tramadol|morphine|cannabis|marijuana|THC|CBD',
    'Instagram|Facebook|Snapchat|TikTok|Twitter|YouTube|Reddit|Zoom|FaceTime|WhatsApp|Messenger|Tinder|Hinge|Bumble|Grindr|Google|Netflix|Hulu|Spotify|Amazon|Uber|Lyft|DoorDash|Venmo|PayPal|Cash App|iPhone|Android|Apple|Samsung|Xbox|PlayStation|Nintendo|Fortnite|Minecraft|Roblox|Discord|Twitch|LinkedIn|Indeed|Craigslist|Walmart|Target|Costco|Starbucks|McDonald’s|Medicaid|Medicare|Tricare|Aetna|Cigna|Humana|Kaiser|Obamacare|COBRA|Camry|Honda|Toyota|Ford|Chevy|Jeep|Tesla|Fitbit|Etsy|GoFundMe|Gmail',
    'COVID|Covid|COVID-19|HIPAA|NAMI|SAMHSA|CDC|NIH|OSHA|FEMA|USPS|NASA|NATO|UNICEF|AA|NA|Al-Anon|CBT|DBT|ACT|EMDR|IOP|PHP|ER|ICU|PTSD|ADHD|OCD|BPD|GAD|MDD|PHQ|PCL|AUDIT|MoCA|BDI|IEP|CPS|DCFS|DUI|DWI|SSI|SSDI|FMLA|HR|CEO|TV|VA|Vagus|Narcotics|Anonymous|Alcoholics|Twelve|Steps|Step|Higher|Power',
    'Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Mondays|Tuesdays|Wednesdays|Thursdays|Fridays|Saturdays|Sundays|Spring|Summer|Fall|Autumn|Winter',
    'Blue|Cross|Shield|Army|Navy|Marines|Marine|Air Force|Guard|National|Police|Sheriff|FBI|CIA|ICE|DMV|IRS|Congress|Senate|Court|State|County|City|University|College|School|Hospital|Church',
    'On|At|In|To|From|For|With|Of|By|As|Once|Whenever|While|During|Until|Unless|Although|Though|Still|Yet|Actually|Really|Basically|Obviously|Apparently|Anyway|Plus|Whatever|Look|Listen|Right|Good|Great|Fine|Sure|Thank|Wow|Ugh|Damn|Yesterday|Everyone|Everybody|Nobody|Somebody|Someone|Nothing|Everything|Something|Both|Either|Neither|Most|Some|Any|All|Many|Few|Which|Whose|Whoever|Also|Send|Use|Check|Fax|Email|Text|Login|Blocked|Social|Serial|Plate|Card|Account|Permit|Licence|License|Passport|Docket|Reference|Group|Policy|Insurance|Device|Chart|Medical|Health|Patient|Record|Number|Member|Yes|No|Yeah|Yep|Nope|Oh|Um|Uh|Hmm|Well|So|And|But|Or|Is|Was|Are|Were|Did|Do|Does|Have|Has|Had|Can|Could|Would|Should|Meet|Call|Ask|Tell|Send|Please|Thanks|Sorry|Not|Even|Only|Never|Always|Today|Tonight|Tomorrow|Yesterday|Now|Here|There|Oh|Hey|Hi|Hello|Bye|Mine|Me|Him|Them|Us|Let|Let’s|Its|Our|The|A|An|My|Our|Your|His|Her|Their|It|We|You|They|He|She|This|That|Then|When|What|Why|How|Who|Where|If|Because|Honestly|Like|Just|Also|Anyway|Maybe|Sometimes|Last|Next|Every|Since|After|Before',
  ].join('|'),
);

/**
 * Given names that are also everyday English words. From the NLP model alone, at the start of a
 * sentence, they are not trusted ("Hope is hard", "Will you…"); a title, a relation ("my friend
 * Will") or the session's dictionary still marks them.
 */
export const AMBIGUOUS_GIVEN_NAMES = words(
  'Hope|Will|Grace|Faith|Joy|May|June|April|August|Rose|Bill|Mark|Drew|Sunny|Summer|Autumn|Dawn|Amber|Crystal|Ruby|Pearl|Iris|Violet|Ivy|Holly|Daisy|Olive|Sky|Rich|Frank|Gene|Art|Pat|Sue|Ray|Jack|Chase|Hunter|Heather|Patience|Charity|Harmony|Melody|Destiny|Trinity|Chance|Guy|Carol|Eve|Bob|Rob|Don|Sean|Rod|Penny|Robin|Jay|Dean|Lane|Reed|Cliff|Brook|Glen|Wade|Miles|Max|Sage|River|Storm|Bliss|Honor|Justice|Precious|Serenity|Genesis|Journey|Marks|Price|King|Young|Love|Mercy|Noel|Lily',
);

/** Words before a name that mark it as one ("Dr. Okafor", "Aunt Denise"): kept, not redacted. */
export const TITLES =
  'Dr|Doctor|Mr|Mrs|Ms|Mx|Miss|Prof|Professor|Nurse|Coach|Officer|Sgt|Sergeant|Detective|Det|Deputy|Pastor|Father|Fr|Rabbi|Imam|Reverend|Rev|Judge|Uncle|Aunt|Auntie|Grandma|Grandpa|Granny|Nana|Papa|Abuela|Abuelo|Tía|Tia|Tío|Tio|Cousin|Sister|Brother|Mother|Captain|Capt|Lieutenant|Lt|Dean|Principal|Counselor|Mayor|Chief|Agent|Trooper';

/** Relations and roles that introduce a name ("my husband Daniel", "the social worker, Heather"). */
export const RELATIONS =
  'husband|wife|spouse|partner|boyfriend|girlfriend|fiancé|fiance|fiancée|fiancee|ex|ex-husband|ex-wife|ex-boyfriend|ex-girlfriend|son|sons|daughter|daughters|kid|kids|child|children|baby|stepson|stepdaughter|brother|brothers|sister|sisters|sibling|siblings|twin|twins|mom|mum|mother|dad|father|stepdad|stepmom|stepfather|stepmother|stepbrother|stepsister|grandma|grandpa|grandmother|grandfather|grandson|granddaughter|aunt|uncle|cousin|nephew|niece|mother-in-law|father-in-law|sister-in-law|brother-in-law|son-in-law|daughter-in-law|friend|friends|roommate|neighbour|neighbor|boss|manager|supervisor|coworker|co-worker|colleague|teacher|coach|therapist|psychiatrist|psychologist|doctor|counselor|counsellor|sponsor|lawyer|attorney|caseworker|worker|landlord|landlady|pastor|priest|tutor|nanny|babysitter|classmate|bestie|buddy|mentor|ex-partner|wife’s|husband’s|dealer|parole officer|probation officer';

export const TITLE_WORDS = words(TITLES);

export const STATE_ABBREVIATION_WORDS = words(STATE_ABBREVIATIONS);
