import type { RiskCategory } from './risk-categories';

/**
 * The risk lexicon: what the scanner looks for and what it must not mistake for risk. Data only:
 * scan-risk.ts compiles and applies it.
 *
 * Pattern syntax (rules, figures and cues alike):
 * - regular-expression source, matched case-insensitively against one sentence whose curly
 *   apostrophes and quotes were straightened, anchored on word edges: inflections are spelt out
 *   (`kill(?:s|ed|ing)?`) and "killer" is never "kill";
 * - a literal space matches any run of spaces, commas, dashes or dots with up to three FILLER
 *   words in it, so "kill, um, myself" matches `kill myself` and "self-harm" matches `self harm`;
 * - `{NAME}` is replaced by PARTS[NAME]; an apostrophe speech-to-text may drop is written `'?`.
 */

/** Words that sit inside a phrase without changing it ("I want to, like, die"). */
export const FILLER = String.raw`(?:just|like|um+|uhm*|uh+|erm?|really|kind of|kinda|sort of|sorta|honestly|literally|actually|even|you know|maybe|already|simply|so|fucking|freaking|effing|seriously|badly|somehow|finally|again|ever|all|still|sometimes)`;

export const PARTS: Readonly<Record<string, string>> = {
  // The any-word gaps below must never swallow a negation ("he has never hit me").
  NEGWORD: String.raw`(?:not|never|no|nobody|nothing|nor|without|cannot|[a-z]+n't|dont|wont|cant|didnt|doesnt|isnt|wasnt|arent|werent|havent|hasnt|hadnt|wouldnt|couldnt|shouldnt|aint)`,
  W: String.raw`(?:(?!{NEGWORD}(?![\w']))[\w']+ ){0,4}`,
  W2: String.raw`(?:(?!{NEGWORD}(?![\w']))[\w']+ ){0,2}`,
  REFL: String.raw`(?:my ?self|your ?self|our ?selves|him ?self|her ?self|them ?selves|them ?self|one ?self)`,
  POSS: String.raw`(?:my|your|our|his|her|their)`,
  KIN: String.raw`(?:best friend|friend|friends|sister|sisters|brother|brothers|mom|mum|mother|mama|dad|father|papa|stepdad|stepfather|stepmom|stepmum|stepmother|son|daughter|kid|kids|child|children|baby|babies|toddler|husband|wife|partner|boyfriend|girlfriend|ex|fianc[eé]e?|roommate|flatmate|cousin|aunt|auntie|uncle|grandma|grandmother|nan|nana|gran|granny|grandpa|grandfather|granddad|grandad|niece|nephew|neighbou?r|coworker|co-worker|colleague|boss|manager|supervisor|teacher|coach|classmate|landlord|parents|in-laws|(?:mother|father|brother|sister|son|daughter)-in-law|carer|caregiver|babysitter|nanny|priest|pastor|staff|nurse)`,
  // Whom violence can be aimed at: never "me" (the client as victim is abuse, not this).
  TARGET: String.raw`(?:(?:someone|somebody|anyone|anybody) else|him|her|them|someone|somebody|anyone|anybody|people|everyone|everybody|others|other people|(?:my|his|her|our|their|the|that|this|those|these|your) (?:[\w-]+ )?(?:{KIN}|guy|guys|man|woman|girl|boy|dude|bitch|bastard|asshole|prick|jerk|people|person|family|class|office|team|bully|bullies|school))(?:'s)?(?! (?:feelings|chances|career|reputation|business|pride|ego|image|confidence|plans|back))`,
  // Who can abuse: a person, never "it" or "reality" ("it hit me that she was gone").
  PERP: String.raw`(?:he|she|they|someone|somebody|(?:my|his|her|their|our|your|the|a|that) (?:[\w'-]+ ){0,2}?(?:{KIN}|guy|man|woman|men|carers|nurses|foster \w+))`,
  VICTIM: String.raw`(?:me|us|you|him|her|them|(?:my|his|her|their|our|your|the) (?:[\w'-]+ )?(?:{KIN}|little ones))`,
  ABUSE_VERB: String.raw`(?:hits|hit|hitting|beats|beat|beating|slaps|slapped|slapping|punches|punched|punching|kicks|kicked|kicking|chokes|choked|choking|strangles|strangled|strangling|shoves|shoved|smacks|smacked|whips|whipped|belts|belted|shakes|shook|starves|starved|starving|burns|burned|burnt|rapes|raped|molests|molested|abuses|abused|abusing|assaults|assaulted)`,
  WEAPON: String.raw`(?:(?:a|my|the|his|her) )?(?:[\w']+'s )?(?:gun|knife|weapon|rifle|pistol)`,
  DRUG: String.raw`(?:pills|tablets|meds|medication|sleeping pills|painkillers|xanax|benzos|valium|klonopin|ativan|oxy|oxys|oxycodone|oxycontin|percs?|percocets?|opioids|opiates|heroin|fentanyl|methadone|tylenol|paracetamol|acetaminophen|ibuprofen|advil|aspirin|insulin|ambien|lithium|coke|cocaine|meth|ketamine|ghb|pressed pills|antidepressants|anti-depressants|sertraline|zoloft|prozac|fluoxetine|lexapro|citalopram|seroquel|quetiapine|trazodone|gabapentin|tramadol|codeine|morphine|adderall)`,
  ALCOHOL: String.raw`(?:alcohol|vodka|whiskey|whisky|wine|beer|beers|booze|gin|rum|tequila|shots|drinks|drinking|a drink)`,
  // Wanting, meaning or being about to do something.
  INTENT: String.raw`(?:want|wants|wanted|wanting|wanna|going|gonna|about|plan|plans|planning|planned|intend|intending|tempted|urges?|ready|(?:i|he|she|they|we)(?:'?ll|'?d| will| would|'?d like| would like))`,
  // What turns a vague plan ("I picked the date", "I'll do it Friday") into a plan to die.
  SUICIDE_CONTEXT: String.raw`(?:kill|killing|unaliv\w+|die|dying|dead|suicid\w+|end it|end my life|ending it|do it|pills|rope|noose|gun|bridge|note|goodbye|jump|overdose|not be here|gone)`,
};

/** A pattern with conditions; a bare string is a pattern without any. */
export interface RiskRule {
  pattern: string;
  /** Set when the phrase itself says whose risk it is ("he won't let me see my friends"). */
  subject?: 'self' | 'other';
  /** The segment must also say this: a blackout is a substance crisis only near drinking. */
  requires?: string;
}

export const RISK_RULES: Readonly<Record<RiskCategory, readonly (string | RiskRule)[]>> = {
  // A wish to be dead or not to exist, without a method.
  suicidal_ideation_passive: [
    String.raw`(?:want|wants|wanted|wanting|wanna) (?:to )?(?:die|be dead)(?! (?:of|from|laughing|for|right there|on the spot))`,
    String.raw`wish(?:es|ed|ing)? (?:that )?(?:i|he|she|they|we)(?: was| were| could be|'?d be) dead`,
    String.raw`wish(?:es|ed|ing)? (?:that )?(?:i|he|she)(?: could| would|'?d) (?:just )?(?:die|not wake up|fall asleep and (?:never|not) wake up)`,
    String.raw`wish(?:es|ed|ing)? (?:that )?(?:i|he|she)(?:'?d| had| was| were| hadn'?t| had not| wasn'?t| weren'?t) (?:never )?(?:been )?born|wish(?:es|ed|ing)? (?:that )?i (?:didn'?t|did not) exist`,
    // "Disappear" is a death wish only without a destination or a reason ("for a week").
    String.raw`(?:wish(?:es|ed|ing)? (?:that )?i could|want(?:s|ed)? to|wanna) (?:disappear|vanish|stop existing|not exist|not be here)(?! (?:for|into|to|on|under|from|when|off|at|in|with|until|till))`,
    String.raw`better off (?:dead|without me|if i(?: was| were|'?m| am| wasn'?t| weren'?t| died| never existed| disappeared)(?: (?:dead|gone|not here|not around|around|here))?)`,
    String.raw`(?:happier|easier|better) (?:for \w+ )?(?:if|when) i(?:(?:'?m| am| was| were) (?:gone|dead|not here|not around)|(?: wasn'?t| weren'?t) (?:here|around|alive))`,
    // Perceived burdensomeness and hopelessness, the usual companions of a death wish.
    String.raw`(?:i'?m|i am|i feel like|feel like i'?m) (?:such )?(?:a|the) burden (?:to|on|for) (?:everyone|everybody|my family|them|you all|my kids|my parents|people)|(?:don'?t|do not) deserve to (?:live|be alive|be here|exist)|(?:don'?t|can'?t|cannot) see (?:a|any) way out`,
    String.raw`(?:thought|idea) of (?:not existing|being dead|dying|not being here|not waking up) (?:is|feels|sounds) (?:so )?(?:comforting|nice|peaceful|appealing|like a relief|good)|(?:fantasi[sz]\w*|dream\w*|thinking|imagin\w*) about my (?:own )?funeral`,
    String.raw`(?:don'?t|do not|didn'?t) want to (?:be alive|exist|be here anymore|live anymore|keep living|go on(?! (?:a|the|with|vacation|holiday|like|about|dates?)))(?! (?:at|in|with|working|there))`,
    // "I don't want to wake up" is a death wish unless it is about the alarm clock.
    String.raw`(?:don'?t|do not) want to wake up(?! (?:early|at|before|for|so|that|in time|on time|tomorrow morning|on))`,
    String.raw`hop(?:e|ing) (?:that )?i (?:don'?t|never|won'?t) wake up|(?:go to sleep|fall asleep|sleep) (?:and )?(?:never|not) wake up|(?:go to sleep|sleep) forever`,
    String.raw`(?:if|when) i (?:didn'?t|don'?t|never) (?:wake|woke) up(?! (?:on time|in time|early|for|at))`,
    String.raw`(?:no|any) reasons? to (?:live|keep going|go on|stay alive|keep living|be alive)|nothing (?:left )?to live for`,
    String.raw`(?:what'?s|what is|is there|(?:don'?t|do not|can'?t|cannot|couldn'?t) see|no) (?:the |any )?point (?:of|in) (?:living|being alive|going on|life|carrying on|existing|being here)`,
    String.raw`life (?:isn'?t|is not|'?s not|ain'?t) worth (?:living|it)|(?:tired|sick) of (?:living|being alive|existing)`,
    String.raw`(?:no one|nobody|no-one|(?:don'?t|do not) think (?:anyone|anybody)) would (?:miss me|notice (?:if|when) i|care (?:if|when) i)`,
    String.raw`(?:don'?t|do not|wouldn'?t|would not) (?:care|mind) (?:if|whether) i (?:live|lived|die|died|was dead|were dead|didn'?t wake up|don'?t wake up|never woke up|got hit|get hit)`,
    String.raw`(?:wouldn'?t|would not|don'?t) (?:mind|care) if (?:a|the|some) {W}(?:car|bus|truck|train|lorry) {W}(?:hit|hits|ran over|runs over|crashed into) me`,
    String.raw`(?:hope|hoping|wish|wishing|pray|praying) {W}(?:a|the|some) (?:car|bus|truck|train|plane|lorry) (?:would |will |to )?(?:hit|hits|crash|crashes|run over|runs over) me|(?:pray|praying|hope|hoping) (?:that )?god (?:would |will )?take(?:s)? me`,
    String.raw`(?:want|wanted|wish) (?:it all|everything) (?:to|would) (?:end|stop|be over)`,
    // "I'd rather die than sing karaoke" is a comparison: only a bare "rather die" counts.
    String.raw`(?:rather|sooner) (?:be dead|not be alive|not exist|not wake up|die(?! than))`,
    String.raw`(?:[a-z]+'d|would) be (?:a )?relief (?:to die|if i (?:died|didn'?t wake up|was gone|were gone|was dead))|death (?:would|'?d) be (?:a )?(?:relief|easier)`,
    String.raw`(?:not sure|(?:don'?t|do not) know) (?:if |whether )?i (?:want|wanna) to (?:be alive|live|keep living|be here anymore)`,
    // C-SSRS item 1 ("wish to be dead") in its other usual form.
    String.raw`(?:wish|wished|prefer|preferred|rather) (?:that )?(?:i(?:'?d| had)|to have|have) never been born|never (?:asked|wanted) to be born`,
    String.raw`if i (?:died|was dead|were dead|was gone|were gone|disappeared),? (?:it )?(?:wouldn'?t|would not|doesn'?t|won'?t) matter|(?:wouldn'?t|would not|doesn'?t|won'?t) matter if i (?:died|was dead|were dead|was gone|were gone|disappeared)`,
  ],
  // Thoughts of killing oneself; attempts land here too, since history matters.
  suicidal_ideation_active: [
    String.raw`(?:kill(?:s|ed|ing)?|unaliv(?:e|es|ed|ing)|off(?:ed|ing)?) {REFL}`,
    String.raw`(?:end|ends|ended|ending|take|takes|took|taking|taken) {POSS} (?:own )?life(?! (?:savings|insurance|story|as i know it))`,
    String.raw`end(?:ed|ing)? it all|(?:want|wants|wanted|going|gonna|thinking about|thought about|think about|planning|plan|try|tried|trying|guts to|courage to|nerve to|if i|i should|i could|i might) (?:to )?end(?:ed|ing)? (?:it|things)(?! (?:with|between|off|there|here))`,
    String.raw`suicid(?:e|es|al|ality)`,
    String.raw`(?:hang(?:s|ed|ing)?|hung|shoot(?:s|ing)?|shot|drown(?:s|ed|ing)?|gas(?:sed|sing)?) {REFL}`,
    String.raw`(?:slit|slitting|slash|slashed|slashing) {POSS} wrists?`,
    String.raw`jump(?:s|ed|ing)? (?:off|from|in front of) (?:a|the|my|that) (?:[\w-]+ )?(?:bridge|building|roof|balcony|cliff|train|bus|truck|car|overpass|parking garage|car park|ledge|window)(?! (?:into|when we were|as a kid))`,
    {
      pattern: String.raw`(?:drive|drove|driving|steer|steering|crash|crashing) {W}(?:into|off) (?:a|the|oncoming) (?:[\w-]+ )?(?:tree|wall|bridge|traffic|truck|pole|cliff|barrier|lorry)`,
      requires: String.raw`(?:thought|think|thinking|want|wanted|urge|tempted|almost|on purpose|imagin\w+|fantasi\w+|considered|figured|i'?d just|going to|gonna|plan\w*|could just|should just|wish|end it)`,
    },
    String.raw`(?:try|tried|trying|attempt|attempted|thought about|thinking about|think about|going to|gonna|want|wanted|planning) (?:to )?overdos(?:e|ing)|(?:crash|crashing|crashed|wreck|wrecking|wrecked) (?:the|my) car on purpose`,
  ],
  // A method, the means, a time or preparations, to harm oneself or someone else.
  intent_or_plan: [
    String.raw`(?:saving|stockpiling|hoarding|stashing|collecting|saved|stockpiled|hoarded|stashed) (?:up )?{W}{DRUG}|(?:a )?(?:stash|stockpile) of {W2}{DRUG}`,
    String.raw`(?:know|figured out|worked out|decided|planned|thought through) (?:exactly )?(?:how|when|where) i(?:'?d| would| will|'ll|'?m going to| am going to) (?:do it|end it|kill myself|go through with it)`,
    {
      pattern: String.raw`(?:have|got|made|make|making|had) (?:a|the) plan|(?:a|the|my) plan(?: is| was)? (?:to|for) (?:kill|end|die|do it|unalive|overdose|jump|hang)`,
      requires: '{SUICIDE_CONTEXT}',
    },
    String.raw`(?:wrote|written|writing|left|leave|leaving) (?:a|my|the) (?:suicide|goodbye|farewell) (?:note|letter)s?`,
    // Planning one's own death is a plan, whatever words the method takes.
    String.raw`(?:plan|plans|planned|planning|plotting|plotted) (?:out )?my (?:own )?(?:death|suicide)`,
    // A bare "I wrote a note" is a suicide note unless it says whom it is for.
    String.raw`(?:wrote|written|writing) (?:a|the) note(?= *(?:[.,;!]|$| (?:already|and|last night|explaining|for (?:my family|everyone|my kids|my parents|them)|to (?:my family|everyone|my kids|my parents|my husband|my wife))))`,
    String.raw`(?:giving|gave|give|given) away {W2}my (?:stuff|things|belongings|possessions|books|records|cat|dog|guitar|jewel(?:le)?ry|savings)`,
    // Means within reach; a rope ladder or a trip to the range names itself away.
    String.raw`(?:bought|buy|buying|got|getting|ordered|have|own|keep|keeping|hid|hidden|hiding|stashed|stashing) (?:a|some|the|my|his|her)? ?(?:loaded |new |spare )?(?:rope|noose|gun|pistol|handgun|rifle|shotgun|razor blades|blades|charcoal|helium)(?! (?:swing|ladder|light|lights|for|to go|at the|range|course|show))`,
    {
      pattern: String.raw`(?:access to|there'?s) (?:a |my |his |her |the )?(?:[\w']+ )?(?:guns?|firearms?|rifles?|pistols?|weapons?)`,
      requires: String.raw`(?:access|nightstand|drawer|closet|using it|loaded)`,
    },
    String.raw`(?:tie|tied|tying|made|make|making) a noose`,
    // Researching a method or a dose.
    String.raw`(?:googl(?:e|ed|ing)|look(?:ed|ing)? up|research(?:ed|ing)?|search(?:ed|ing)? for|read(?:ing)? (?:up )?(?:on|about)) {W}(?:how to|ways to|how many|how much|the best way to) {W}(?:die|kill (?:myself|yourself)|overdose|hang|end (?:it|your life|my life)|take to die)`,
    String.raw`how (?:many|much) {W2}{DRUG} (?:it )?(?:would take|it'?d take|takes|to die|would kill|to kill|to overdose)`,
    {
      pattern: String.raw`(?:picked|chosen|chose|decided on|set) (?:out )?(?:a|the) (?:date|day|spot|place|bridge|building|method|way)`,
      requires: '{SUICIDE_CONTEXT}',
    },
    {
      pattern: String.raw`(?:going to|gonna|i(?:'?ll| will)|decided to|plan to|planning to) do it (?:on|this|next|tonight|tomorrow|after|before|when|once)`,
      requires: '{SUICIDE_CONTEXT}',
    },
    {
      pattern: String.raw`(?:end (?:it|it all|things|my life)|do it|kill myself) (?:tonight|tomorrow|this (?:weekend|week|\w+day)|on (?:my birthday|\w+day|the \w+)|next (?:week|\w+day)|after (?:the|my) \w+)`,
      requires: '{SUICIDE_CONTEXT}',
    },
    // Rehearsal: standing at the place, or the means held against the body.
    {
      pattern: String.raw`(?:stood|standing|stand|sat|sitting) (?:on|at) (?:the )?(?:edge|ledge|bridge|train tracks|tracks|rooftop|roof|cliff)`,
      requires: String.raw`(?:jump|end it|die|kill|looking down|let go|over the edge|railing|go through with)`,
    },
    String.raw`(?:put|puts|tied|had|hold|holds|held|holding|pressed) (?:a |the |my )?(?:rope|noose|belt|cord|knife|blade|razor|gun|pistol) (?:around|to|against) my (?:neck|throat|wrists?|head|temple|chest)`,
    String.raw`enough {W2}{DRUG} {W2}to (?:kill|die|do it|end it|overdose|not wake up)`,
    String.raw`(?:bring|take|brought|took|bringing|taking) {WEAPON} (?:to|into) (?:work|school|the office|his house|her house|their house|class|court)`,
  ],
  // Non-suicidal injury. Accidents ("cut myself shaving") are FIGURES_OF_SPEECH.
  self_harm: [
    String.raw`(?:cut|cuts|cutting|burn|burns|burned|burnt|burning|hurt|hurts|hurting|harm|harms|harmed|harming|hit|hits|hitting|punch|punches|punched|punching|slap|slapped|slapping|bang|banged|banging|scratch|scratched|scratching|bite|bites|biting|bit|carve|carved|carving|stab|stabbed|stabbing|injure|injured|injuring) {REFL}`,
    String.raw`(?:cut|cuts|cutting|burn|burns|burned|burnt|burning|carve|carved|carving|slice|sliced|slicing) (?:into )?(?:my|her|his|their) (?:arms?|wrists?|thighs?|legs?|skin|stomach|hips?|forearms?|ankles?)`,
    String.raw`(?:carv|etch|scratch)(?:e|es|ed|ing)? {W}(?:into|in|on) my (?:arms?|legs?|skin|thighs?|wrists?|stomach|hands?)`,
    // "Cutting" alone is self-harm as a habit ("started cutting"), never "cutting back".
    String.raw`(?:been|started|start|starting|keep|kept|stopped|stop|back to|went back to|urges? to|urge for|thinking about|thought about|relaps(?:ed|e|ing) (?:into|on|with)|used to) (?:cutting|burning|cut|burn)(?! (?:back|down|out|carbs|sugar|ties|corners|class|classes|school|hair|my hair|calories|coupons|the|wood|fabric|costs|through|across|in line|off|up|it close|candles|bridges|incense|sage))`,
    String.raw`self ?-?(?:harm\w*|injur\w*|mutilat\w*)`,
    String.raw`i(?:'ve)? (?:cut|burned|burnt) (?:again|last (?:night|week|weekend|\w+day)|yesterday|this (?:week|morning)|on (?:\w+day)|too deep|deeper)`,
    String.raw`(?:bang|bangs|banging|banged|smash|smashing|smashed) my (?:head|fists?) (?:against|into|on) (?:the |a )?(?:wall|floor|door|desk|table|mirror)`,
    String.raw`(?:make|makes|made|making) {REFL} (?:bleed|bruise)|punch(?:ed|es|ing)? (?:the |a )?walls? {W}(?:until|till|so hard|and broke)`,
    String.raw`(?:razor|blade|blades|lighter|cigarette|compass|scissors|knife) (?:on|to|into|across|against) my (?:arms?|wrists?|skin|thighs?|legs?|stomach)`,
    String.raw`(?:scratch|scratches|scratching|scratched|pick|picking|picked) (?:at )?my (?:skin|arms?|wrists?|legs?) (?:until|till|til) (?:it|they|i) (?:bled|bleeds?|was bleeding|were bleeding|(?:is|are|was|were) raw)`,
    String.raw`(?:fresh|new|deep) (?:cuts|burns|wounds) (?:on|all over) my`,
  ],
  // Threats, wishes, intrusive thoughts or plans to hurt another person.
  harm_to_others: [
    String.raw`{INTENT} (?:to )?(?:kill|hurt|stab|shoot|strangle|murder|beat up|beat|attack|poison|choke|smother|punch|harm|run over|drown) {TARGET}`,
    String.raw`{INTENT} to run {TARGET} (?:over|down|off the road)|{INTENT} (?:to )?(?:smash|bash|kick|punch|break|cave) (?:his|her|their|that \w+'s) (?:face|head|skull|teeth|legs|neck|jaw)`,
    String.raw`(?:thoughts?|thinking|thought|images?|pictur(?:e|es|ed|ing)|imagin(?:e|es|ed|ing)|fantasi[sz](?:e|ed|ing)|fantas(?:y|ies)|dream(?:s|ed|ing)?) (?:of|about )?(?:{REFL} )?(?:hurting|killing|stabbing|strangling|shooting|harming|drowning|smothering|poisoning|murdering|attacking|beating|choking|pushing|shoving|throwing|hitting|punching|burning|suffocating) {TARGET}`,
    String.raw`(?:scared|afraid|worried|terrified) (?:that )?i(?:'ll|'?d| will| would| might| could| am going to|'?m going to) {W}(?:hurt|kill|harm|shake|smother|drown) {TARGET}`,
    String.raw`make (?:him|her|them|that \w+|(?:my|his|her|the) \w+|(?:them|you) all) (?:pay|suffer)(?! (?:for (?:dinner|lunch|rent|the bill|the bills|half|drinks|gas|petrol|the tickets|parking)|back))`,
    // Command hallucinations are a risk whoever hears them.
    String.raw`voices? {W2}(?:tell|tells|telling|told|say|said) (?:me )?to (?:hurt|kill|harm|stab|attack) {TARGET}`,
    String.raw`shoot(?:ing)? up (?:the|my|this|that|his|her) (?:school|office|place|building|class|party|church|work)|homicidal`,
    String.raw`(?:bring|take|brought|took|bringing|taking) {WEAPON} (?:to|into) (?:work|school|the office|his house|her house|their house|class|court)`,
  ],
  // The client or anyone else (a child above all) hurt, exploited or left uncared for.
  abuse_or_neglect: [
    // A person (never "it") doing violence to someone: "he chokes me", "my dad beat us".
    String.raw`{PERP} {W}{ABUSE_VERB} {VICTIM}(?! (?:at|in a|in chess|to it|to the|a cd|a copy|a mix|with (?:the|some|that|this) (?:news|question|questions|truth|idea|bill)|off|back))`,
    String.raw`{PERP} {W}(?:pushed|pushes|pushing|threw|throws|throwing|dragged|drags|dragging|slammed|slams|kicked) {VICTIM} (?:down|into|against|across|out|off|onto|on the|to the (?:floor|ground))`,
    String.raw`{PERP} {W}(?:grabbed|grabs|grabbing|held|holds|pinned|pins|pinning) {VICTIM} (?:by the (?:throat|neck|hair|arm|wrists?)|down|against)`,
    String.raw`{PERP} {W}(?:lock|locks|locked|locking) {VICTIM} (?:in|inside|out|up)(?! (?:of (?:my|the|his|her) (?:account|phone|computer|email|laptop)))`,
    String.raw`(?:touched|touches|touching|fondled|fondles|fondling) {VICTIM} (?:inappropriately|down there|in (?:places|private|my private|her private|his private)|where|when (?:i|he|she|we) (?:was|were) (?:little|young|a kid|small|a child|\d+)|at night|under)`,
    String.raw`(?:forc(?:ed|es|ing)|made|makes|making|pressur(?:ed|es|ing)) {VICTIM} (?:to )?(?:have sex|do sexual|sleep with|perform|watch porn|do things)`,
    String.raw`(?:was|were|got|get|gets|been|being|keep getting) {W2}(?:beaten|beat up|abused|raped|molested|assaulted|groomed|trafficked|neglected|strangled|whipped)(?! (?:by (?:a|the) (?:car|bus|truck|ball|bike|cyclist|wave|train|van|door)))`,
    String.raw`(?:was|were|got|get|been) (?:hit|punched|slapped|kicked|choked) by (?:him|her|them|my|his|their)`,
    String.raw`(?:abused|molested|raped|sexually assaulted|groomed|laid (?:a )?(?:hand|finger)s? on) (?:me|us)`,
    String.raw`(?:domestic|sexual|physical|child|elder|emotional) (?:violence|abuse)|(?:sexually|physically|emotionally) (?:abus\w+|assault\w+)|abusive (?:relationship|marriage|home|household|partner|husband|wife|boyfriend|girlfriend|father|mother|dad|mom|mum|parents?|ex)|(?:abusive|violent|rough) (?:with|to|towards?) (?:me|us|the kids|my \w+|her|him)`,
    String.raw`threaten(?:s|ed|ing)? to (?:kill|hurt|beat|shoot|stab|hit|strangle) (?:me|us|the kids|my \w+)|(?:he|she|they)(?:'ll| will|'?d| would|'?s going to| is going to| was going to) (?:kill|hurt|beat|shoot|stab) (?:me|us)(?= if i (?:leave|left|ever leave|tell|told|call|called|go|went|try to leave|report))`,
    // Said of a partner by the client, these are about the client unless a victim is named.
    {
      pattern: String.raw`(?:he|she|they)(?:'?s| is| was| gets| got| can be| has been|'s been) {W2}(?:abusive|violent)|(?:his|her|their) hands (?:around|on) my (?:throat|neck)|(?:scared|afraid|terrified|frightened) (?:to go home|(?:of )?what (?:he|she|they)(?:'ll|'?d| will| would| might) do)`,
      subject: 'self',
    },
    {
      pattern: String.raw`{PERP} {W}(?:won'?t|doesn'?t|didn'?t|wouldn'?t) let (?:me|us) (?:eat|leave the house|see my (?:friends|family)|have (?:money|my phone)|go out)|(?:makes|made|forces|forced) (?:me|us) (?:to )?(?:sleep|stay) (?:in the car|outside|on the floor|in the garage|in the basement)|so (?:i|we) (?:couldn'?t|can'?t|wouldn'?t be able to) (?:leave|get away|call (?:anyone|for help|the police))`,
      subject: 'self',
    },
    {
      pattern: String.raw`(?:if i (?:ever )?(?:leave|left|tell|told|call|called|report|go) {W}|(?:says|said|told me|swore|swears|threatens|keeps saying) (?:that )?)(?:he|she|they)(?:'ll| will|'?d| would|'?s going to| is going to| was going to) {W}(?:kill|hurt|beat|shoot|stab) (?:me|us)`,
      subject: 'self',
    },
    // The client as the one who hurts a child or partner: still about the client.
    {
      pattern: String.raw`i {W2}(?:hit|hits|smacked|slapped|shook|punched|kicked|beat|choked|shoved) (?:my|the|our) (?:[\w-]+ )?(?:son|daughter|kids?|children|baby|toddler|boy|girl|wife|husband|partner|girlfriend|boyfriend)`,
      subject: 'self',
    },
    // Neglect: a dependant left alone, unfed or unwashed; an old person's money taken.
    String.raw`(?:leaves|left|leaving|leave) {W2}(?:her|his|their|the|my|our|your) (?:[\w-]+ )?(?:kids|children|baby|babies|toddler|son|daughter|little ones|kid|child|twins) (?:home )?(?:alone|by (?:themselves|himself|herself)|on (?:their|his|her) own|unattended|in the car)`,
    String.raw`(?:leave|leaves|left|leaving) (?:us|me|them|him|her) (?:home )?alone {W2}(?:for (?:days|hours|the (?:whole )?(?:weekend|night|day))|all (?:day|night|weekend)|overnight)`,
    String.raw`(?:go|goes|went|going|gone) (?:for )?days without (?:food|eating|a meal)|(?:kids|children|baby|babies|toddler|child|little ones?) (?:are|were|was|is|get|gets|got|go|went) {W2}(?:hungry|unfed|alone) {W}(?:for days|for hours|days|the (?:whole )?weekend|all (?:day|night|weekend)|overnight|nights)`,
    String.raw`(?:kids|children|baby|toddler) (?:haven'?t|hasn'?t|didn'?t|don'?t) (?:eaten|had (?:a meal|anything to eat|food)) (?:since|for|in)`,
    String.raw`(?:leaves?|left|leaving) {VICTIM} {W}without (?:food|water|a meal|eating|help|medication|(?:his|her|their) (?:meds|medication))`,
    String.raw`(?:never|don'?t|doesn'?t|didn'?t|won'?t|wouldn'?t) (?:feed|fed|feeds|bathe|bathed|change|changed) (?:us|me|them|the (?:kids|baby|children)|(?:my|her|his) (?:[\w-]+ )?(?:kids|baby|children|son|daughter|grandma|grandmother|nan|grandpa|grandfather|mom|mum|dad))`,
    String.raw`(?:sitting|sits|left|lying|lies|lay) in (?:his|her|their|my) own (?:urine|pee|poo|poop|faeces|feces|filth|mess|waste)`,
    String.raw`(?:taking|takes|took|steals?|stole|stealing|draining|drains|drained|cleaned out|emptying|emptied) {W2}(?:her|his|their|(?:my|her|his) (?:[\w-]+ )?(?:mom|mum|mother|dad|father|grandma|grandmother|nan|gran|grandpa|grandfather|granddad|aunt|uncle)'s) (?:pension|savings|benefits|social security|checks?|bank account)`,
  ],
  // An overdose or a dangerous episode; use as such is not a crisis.
  substance_crisis: [
    String.raw`overdosed|o\.?d(?:'d|'ed|\.'d)|(?:had|took|an|my|the|accidental|another) overdose|alcohol poisoning`,
    String.raw`(?:gave|give|giving|used|had to use|had to give|needed|hit) (?:me|him|her|them) (?:with )?(?:narcan|naloxone)|narcan(?:ned|'d)|(?:paramedics|ems|they|she|he) (?:had to )?narcan(?:ned)? (?:me|him|her)`,
    // Blackouts, hospital wake-ups and seizures count only when drink or drugs are in the segment.
    {
      pattern: String.raw`black(?:ed|ing)? out|blackouts?|passed out|pass out`,
      requires: String.raw`(?:drunk|drinking|drank|{ALCOHOL}|wasted|hammered|high|{DRUG}|needle|er|e\.r\.|emergency room|hospital|ambulance|woke up|vomit|threw up|bathroom floor)`,
    },
    {
      pattern: String.raw`woke up (?:in|at) (?:the )?(?:er|e\.r\.|emergency room|hospital|icu|a cell|jail|detox)`,
      requires: String.raw`(?:drunk|drinking|drank|{ALCOHOL}|wasted|high|{DRUG}|black(?:ed)? out|passed out|overdos\w*)`,
    },
    {
      pattern: String.raw`(?:withdrawal|detox) seizures?|(?:seizures?|the shakes|shaking|seeing (?:things|bugs|spiders)|hallucinat\w+|the dts|delirium tremens|the sweats)`,
      requires: String.raw`(?:withdrawal|detox|cold turkey|(?:stop(?:ped)?|quit|quitting|stopping|without) (?:drinking|a drink|booze|using|the benzos|benzos|xanax)|until i (?:have|get) (?:a|my first) drink)`,
    },
    String.raw`(?:mix(?:ed|es|ing)?|combin(?:ed|ing)) {W}{DRUG} (?:with|and) {W}{ALCOHOL}|(?:mix(?:ed|es|ing)?|combin(?:ed|ing)) {W}{ALCOHOL} (?:with|and) {W}{DRUG}`,
    String.raw`(?:drank|downed|finished) {W2}(?:a |the )?(?:whole |entire )?(?:bottle|fifth|handle) {W}(?:and|then|plus|with) {W}(?:took|popped|swallowed) {W2}{DRUG}`,
    String.raw`(?:took|swallowed|popped|downed) (?:a |the )?(?:whole |entire )?(?:bottle|handful|fistful|packet|box) of {W2}{DRUG}|(?:took|swallowed|popped|downed) all (?:of )?{W2}{DRUG}|(?:took|swallowed|popped|downed|taken) {W2}(?:too many|way too many|a lot of|loads of|a load of|dozens of) {W2}{DRUG}`,
    String.raw`(?:xanax|benzos|valium|klonopin|ativan|oxy|oxycodone|opioids|painkillers|sleeping pills|ambien|heroin|fentanyl|methadone) {W}(?:and|with|on top of|plus|while) {W2}(?:drinking|alcohol|booze|vodka|wine|beer|whiskey)`,
    {
      pattern: String.raw`(?:don'?t|can'?t|couldn'?t|didn'?t) remember (?:getting home|how i got home|anything (?:after|from)|last night|what happened|the rest of the night)`,
      requires: String.raw`(?:drunk|drinking|drank|{ALCOHOL}|wasted|hammered|high|{DRUG})`,
    },
    {
      pattern: String.raw`(?:thought|felt like|was sure|was scared) i (?:was going to|was gonna|would|might) die|(?:scared|afraid|terrified|worried) (?:that )?i(?:'ll| will|'m going to| am going to| might) die`,
      requires: '(?:{DRUG}|{ALCOHOL}|drunk|high|using|used)',
    },
    String.raw`pumped my stomach|(?:my )?stomach pumped|chok(?:ed|ing) on (?:my|his|her|their) (?:own )?vomit`,
    String.raw`(?:drove|drive|driving|driven) (?:home )?(?:blackout )?(?:drunk|wasted|hammered|high|smashed)|(?:drunk|drink|drinking) (?:and )?driv(?:e|ing)|behind the wheel (?:drunk|high|wasted)`,
    // A relapse is a crisis when it is dangerous: alone, fentanyl, a needle, lost tolerance.
    {
      pattern: String.raw`relaps(?:e|ed|ing)|used again|using again|picked up again|shot up`,
      requires: String.raw`(?:fentanyl|heroin|needle|alone|by myself|nobody around|narcan|naloxone|overdos\w*|tolerance|pressed pills|black(?:ed)? out|hospital|seizure)`,
    },
    {
      pattern: String.raw`(?:turned|turning|went|going) blue|(?:stopped|not) breathing`,
      requires: '(?:{DRUG}|{ALCOHOL}|drunk|high|using|used)',
    },
    String.raw`(?:don'?t|can'?t|couldn'?t|didn'?t|do not) (?:even )?(?:know|remember) how (?:many|much) (?:{DRUG}|drinks|of them|i) {W2}(?:took|had|swallowed|drank)`,
  ],
};

/**
 * Phrases that contain a risk pattern but are not risk: figures of speech, accidents, games.
 * A hit is dropped when one overlaps it, or (scope 'sentence') when its sentence has one.
 */
export interface FigureOfSpeech {
  pattern: string;
  categories?: readonly RiskCategory[];
  scope?: 'sentence';
}

export const FIGURES_OF_SPEECH: readonly FigureOfSpeech[] = [
  // Effort and self-reproach: "killing myself at the gym", "I could kill myself for forgetting".
  {
    pattern: String.raw`kill(?:ing|ed)? {REFL} (?:laughing|trying|to (?:get|make|finish|meet|keep|please|pay|impress)|at (?:the gym|work|practice|training)|over (?:this|that|it|nothing|a|the)|for (?:nothing|this job|them|him|her|forgetting|not|being|letting|missing|saying|that)|working|studying|running|with (?:work|this|that))`,
  },
  {
    pattern: String.raw`could (?:have |'ve |of )?(?:just )?kill(?:ed)? {REFL} for|(?:nearly|almost) kill(?:ed)? {REFL} (?:laughing|on (?:the|that|those|my) \w+)`,
  },
  {
    pattern: String.raw`(?:shoot|shoots|shooting|shot) {REFL} in the foot|beat(?:ing|s)? {REFL} up|kick(?:ing|ed)? {REFL}|pinch(?:ed|ing)? {REFL}`,
  },
  {
    pattern: String.raw`cut(?:ting|s)? {REFL} (?:some |a )?(?:slack|off|a break|short|loose|out of)|stab(?:s|bed|bing)? {W2}in the back`,
  },
  // Accidents are injuries, not self-harm.
  {
    pattern: String.raw`(?:cut|cuts|cutting|burn|burns|burned|burnt|burning|hurt|hurts|hurting|scratched|stabbed|hit|injured) {W}(?:shaving|cooking|chopping|slicing|gardening|by accident|accidentally|on (?:a|the|some) (?:broken |hot )?(?:glass|can|lid|paper|knife|nail|fence|stove|oven|pan|kettle|iron|grill|curling iron|radiator|door|cupboard)|at the gym|playing|skiing|running|lifting|working out|(?:when|after) i (?:fell|slipped|tripped)|making (?:dinner|pancakes|breakfast|lunch))`,
    categories: ['self_harm', 'abuse_or_neglect'],
  },
  {
    pattern: String.raw`(?:like |feels like )(?:i'?m )?bang(?:ing)? my head against (?:a|the) (?:brick )?wall|brick wall`,
  },
  // Hyperbole about dying.
  {
    pattern: String.raw`(?:die|died|dying) (?:of|from) (?:embarrassment|shame|laughter|laughing|boredom|cringe|thirst|hunger)|(?:die|died|dying) (?:right there|on the spot|laughing)|crawl (?:into|in) a hole and die|dying to|to die for|rather die than|bored to death|scared to death|dead tired`,
  },
  // "Suicide" in sport, work and politics.
  {
    pattern: String.raw`(?:career|social|political|professional|financial|commercial|electoral|academic) suicide|suicide (?:squad|missions?|runs?|sprints?|drills?|doors?|lane|prevention|awareness|(?:risk )?(?:assessment|screening|screen))|(?:run|running|ran|do|did|doing) suicides`,
  },
  {
    pattern: String.raw`overdos(?:ed|ing|e) on (?:netflix|sugar|caffeine|coffee|chocolate|candy|sweets|tv|television|true crime|reality tv|podcasts|work|social media|cake|carbs|sun|vitamins?|memes|anime)`,
  },
  // "It hit me that...", "he hit me up", "she beat me at chess", "she pushes me to do better".
  {
    pattern: String.raw`(?:it|that|this|reality|realization|realisation|the thought|the news|nostalgia|grief|it all) (?:really |suddenly |finally |just )?(?:hit|hits) me|hit(?:s|ting)? me up|beat(?:s)? me (?:at|in|to it)|push(?:es|ed|ing)? me (?:to|into|towards?)`,
  },
  {
    pattern: String.raw`beat(?:s|ing)? (?:[\w']+ ){1,3}?(?:at|in) (?:chess|cards|scrabble|tennis|pool|poker|monopoly|trivia|the game|the race|a race|a game)`,
  },
  // Threats over trivia, or with laughter, are banter ("I'll kill him if he spoils the finale, haha").
  {
    pattern: String.raw`ha(?:ha)+|lol|lmao|jk|just kidding|i'?m kidding|joking|\((?:laughs|laughing)\)|\[(?:laughs|laughing)\]`,
    categories: ['harm_to_others'],
    scope: 'sentence',
  },
  {
    pattern: String.raw`if (?:he|she|they|you) (?:ever )?(?:eats?|spoils?|borrows?|forgets?|steals? my (?:fries|food|charger|parking)|is late|are late|leaves? (?:the|his|her) (?:dishes|socks))`,
    categories: ['harm_to_others'],
    scope: 'sentence',
  },
];

/**
 * Negation. A cue negates a phrase only when nothing but BRIDGE words stands between them
 * ("I don't have any thoughts of hurting myself"): in "I can't tell anyone I want to die" the cue
 * belongs to "tell". A "no" followed by a comma is an answer, not a negation ("No, I want to die").
 */
export const NEGATION_CUES = String.raw`(?:not|never|no(?! *[,;:.—–-])|cannot|[a-z]+n't|dont|wont|cant|didnt|doesnt|isnt|wasnt|arent|werent|havent|hasnt|hadnt|wouldnt|couldnt|shouldnt|aint|without|nor|den(?:y|ies|ied)|ruled? out|(?:asked|asks|ask|asking) (?:me )?(?:if|whether|about)|screened me for|(?:if|in case|whenever) you)`;

export const NEGATION_BRIDGES = String.raw`(?:i|i'?d|i'?m|i'?ve|i'?ll|would|will|could|should|might|ever|really|even|actually|seriously|truly|want|wanted|wanting|wanna|to|going|gonna|planning|plan|plans|intend|intending|intention|intentions|have|has|had|having|any|thoughts?|thinking|think|about|of|the|a|an|been|be|being|feel|feeling|felt|like|urges?|desire|once|in|my|life|that|at|all|do|did|does|doing|done|tried|try|trying|attempted|attempt|so|much|anymore|just|currently|right|now|say|said|saying|call|way|more|longer|anything|there|is|was|were|am|are|um+|uh+|need|needed|ideas?|wish|wished|someone|somebody|type|kind|sort|person|who|who'?d|one)`;

/** Phrases that start with a negation word but deny nothing after them. */
export const PSEUDO_NEGATIONS = String.raw`never (?:thought|imagined|expected|believed|dreamed|dreamt|knew|realised|realized)|not (?:only|just|sure)|(?:not|[a-z]*n'?t) (?:going to|gonna) lie|no one|no-one|(?:can'?t|cannot|couldn'?t|can not) (?:stop|help|shake|get rid of|get over|wait|tell)|(?:don'?t|didn'?t|do not) (?:know|remember|care|mean|understand|tell)|no matter|not (?:kidding|joking)|no (?:joke|lie)|wasn'?t joking`;

/** A denial straight after the phrase: "Hurting myself? No, never." / "Suicide isn't an option." */
export const POST_NEGATION = String.raw`^[\s,.—–-]*(?:no(?! (?:joke|lie|kidding|doubt|question|matter|idea|one|body))|nope|never|not at all|not really|not me|(?:is|was)n'?t (?:something|an option|on the table|for me)|is not (?:something|an option)|never crossed my mind)(?![\w'])`;

/** Questions: interrogative openers, elliptical screening questions, tags that ask nothing. */
export const INTERROGATIVE_OPENER = String.raw`^(?:do|does|did|have|has|had|are|is|was|were|will|would|could|can|should|how|what|when|where|why|who|which|any|ever|and)(?![\w'])`;
export const ELLIPTICAL_QUESTION = String.raw`^(?:any|ever|anything|thoughts?|urges?|plans?|suicidal|and any)(?![\w'])`;
export const TAG_QUESTION = String.raw`[\s,]*(?:you know|right|yeah|you know what i mean|isn'?t it|don'?t you think|ok|okay|huh)[\s?]*$`;

/** The start of a short "yes" to a screening question ("Yeah, sometimes."). */
export const AFFIRMATIVE_ANSWER = String.raw`^(?:yes|yeah|yea|yep|yup|mm-?hm+|uh-?huh|sometimes|i have|i do|i did|a little|a bit|kind of|kinda|sort of|occasionally|more than i'?d like|every day|most days|lately|once|a few times|all the time|i guess|maybe|i think so|probably|at times|now and then|often|definitely|constantly)(?![\w'])`;

/** Someone else speaking: in "she texted me, 'I want to die'" the risk is hers. */
export const REPORTED_SPEECH_CUE = String.raw`(?:he|she|they|someone|somebody|{KIN})(?:'s)? {W2}(?:said|says|say|tell (?:me|us)|told (?:me|us|him|her|them|everyone)|tells (?:me|us)|texted(?: me)?|messaged(?: me)?|wrote|posted|was like|goes|went|keeps saying|kept saying|screamed|yelled|admitted|confessed|whispered)`;

/** Whom a word points at, to decide whose risk a phrase describes (both are used as sets). */
export const FIRST_PERSON_SUBJECTS = [
  'i',
  "i'm",
  'im',
  "i've",
  'ive',
  "i'd",
  "i'll",
  'we',
  "we're",
  "we've",
  "we'd",
];
export const FIRST_PERSON = [...FIRST_PERSON_SUBJECTS, 'me', 'myself', 'us', 'ourselves'];
export const SECOND_PERSON = [
  'you',
  "you're",
  'youre',
  "you've",
  "you'd",
  "you'll",
  'yourself',
  'yourselves',
];
export const THIRD_PERSON = String.raw`(?:he|she|they|he'?s|she'?s|they'?re|he'?d|she'?d|they'?d|he'?ll|she'?ll|they'?ll|him|her|them|himself|herself|themselves|themself|someone|somebody|{KIN}|guy|girl|woman|man|lady|people|person|character|patients|clients|teens|teenagers)`;

/** Time: history is flagged but marked past; the marker nearest the phrase wins. */
export const PAST_MARKERS = String.raw`when (?:i|he|she|we) was (?:a |in |\d+|younger|little|young|small|growing|at|about|only|just)|(?:\d+|a few|several|many|two|three|four|five|ten|some) years (?:ago|back)|used to|as a (?:kid|child|teen|teenager|little girl|little boy)|in (?:high school|middle school|secondary school|college|university|uni|my (?:teens|twenties|thirties))|growing up|back (?:then|in)|a long time ago|in the past|years ago|in (?:19|20)\d\d|when i was|at (?:\d+|fifteen|sixteen|seventeen|fourteen|thirteen|twelve)|from when i was|my childhood`;
export const CURRENT_MARKERS = String.raw`again|last (?:night|week|weekend|month)|yesterday|this (?:week|morning|weekend|month|year)|right now|now|lately|recently|tonight|today|these days|currently|at the moment`;

/** Passive ideation is serious but less acute than an active thought, a plan or an act. */
export const BASE_SEVERITY: Readonly<Record<RiskCategory, 'high' | 'medium'>> = {
  suicidal_ideation_passive: 'medium',
  suicidal_ideation_active: 'high',
  intent_or_plan: 'high',
  self_harm: 'high',
  harm_to_others: 'high',
  abuse_or_neglect: 'high',
  substance_crisis: 'high',
};
