// Pure: hand-made signs of danger in one read sentence (who does what to whom, weapons, control, self-harm), negation aware.
import type { ReadSentence } from './read-text';

/** Someone close to the writer, as the doer of a sentence. */
const PARTNER = String.raw`(?:he|she|him|her|husband|wife|partner|boyfriend|girlfriend|fianc\w*|ex|bf|gf|[a-z]+ (?:husband|wife|partner))`;
const HARM_VERBS = String.raw`(?:hit|hits|hitting|stab\w*|yank\w*|cut|cuts|slash\w*|shov\w*|strangl\w*|throttl\w*|smother\w*|smack\w*|whack\w*|thump\w*|clout\w*|wallop\w*|batter\w*|belt\w*|strik\w*|struck|elbow\w*|punch\w*|slap\w*|kick\w*|kneed|beat\w*|beaten|shov\w*|push\w*|threw|throw\w*|grab\w*|drag\w*|chok\w*|strangl\w*|bit|bite|bites|burn\w*|smash\w*|slam\w*|pin\w*|headbutt\w*|backhand\w*|stamp\w*|spat|spit\w*|knock\w*|broke|break\w*|twist\w*|rammed|shook|shake\w*|attack\w*|scratch\w*|squeez\w*|held|hold\w*|press\w*|sat on|stood over|came at|went for|tore)`;
const ME = String.raw`(?:me|my|myself)`;
/** Any one word in a gap of a pattern, except a negator: "he never hit me" must not read as "he … hit me". */
const GAP = String.raw`(?: (?!(?:not|never|no)\b)[\w']+)`;
const WEAPON = String.raw`(?:gun|guns|pistol|rifle|shotgun|revolver|firearm|knife|knives|blade|machete|crowbar|axe|hammer|bat|bullet\w*|barrel|scissors)`;
const NECK = String.raw`(?:neck|throat|windpipe)`;

export interface DangerSign {
  name: string;
  pattern: RegExp;
  /** A sign no figurative use shares: on its own, outside negation, it is enough to offer the support line. */
  decisive: boolean;
  /** What the sign is worth before training (log-odds); training moves it only as far as the corpus shows. */
  prior: number;
}

/** Every sign, matched against one sentence's plain text. Order does not matter. */
export const DANGER_SIGNS: readonly DangerSign[] = [
  { name: 'partner_harms_me', prior: 2.5, decisive: false, pattern: new RegExp(String.raw`\b${PARTNER}\b${GAP}{0,3} ${HARM_VERBS}${GAP}{0,2} ${ME}\b`) },
  { name: 'harm_verb_me', prior: 1.5, decisive: false, pattern: new RegExp(String.raw`\b${HARM_VERBS} (?:me|my (?:face|head|arm|arms|neck|throat|hair|wrist|wrists|ribs|stomach|back))\b`) },
  { name: 'hands_on_neck', prior: 4, decisive: true, pattern: new RegExp(String.raw`\b(?:hands?|fingers|arm|forearm|grip\w*|squeez\w*|press\w*|held|hold\w*|grab\w*|pinn?\w*|locked)\b${GAP}{0,5} (?:my|the|me by the) ${NECK}\b|\bby (?:my|the) ${NECK}\b|\bheadlock\b`) },
  { name: 'strangled_me', prior: 4, decisive: true, pattern: /(?<!\b(?:it|that|this|anger|tears|crying|sobbing|emotion|grief)(?: nearly| almost)? )\b(?:chok\w*|strangl\w*|suffocat\w*) (?:me|my)\b|\b(?:pillow|hand) over my (?:face|mouth|nose)\b|\bcovered my (?:nose|mouth)\b|\b(?:held|hold\w*|push\w*) (?:me|my head) under\b/ },
  { name: 'thrown_at_me', prior: 2.5, decisive: false, pattern: new RegExp(String.raw`\b(?:threw|throws|throw|hurl\w*|flung|fling\w*) (?:a |the |his |her |my )?\w+(?: \w+)? at (?:me|my)\b|\b(?:his|her) fists\b|\bby (?:my|the) hair\b|\bwas not (?:ice|the door|an accident)\b|\bit was not (?:ice|the door|an accident)\b`) },
  { name: 'hurts_me', prior: 1.5, decisive: false, pattern: /\b(?:hurt|hurts|hurting) (?:me|my)\b|\b(?:got|get|gets|was|been|being) (?:hit|hurt|beaten|punched|slapped|kicked|pushed)\b|\bhurt (?:me )?bad\b/ },
  { name: 'physical_violence', prior: 2.5, decisive: false, pattern: /\b(?:got|gets|getting|get|turned|turns) (?:physical|violent|rough)\b|\bphysical again\b|\b(?:the|his|her) violence\b|\bviolent (?:with|towards|to) me\b|\blaid a hand on me\b|\braises? (?:his|her) (?:hand|fist)\b/ },
  { name: 'body_hurts', prior: 1.5, decisive: false, pattern: /\b(?:ribs?|jaw|arm|wrist|face|neck|eye|nose|back) (?:is |are )?(?:still )?(?:hurt\w*|swollen|sore|bruised|purple|broken)\b/ },
  { name: 'dread_arrival', prior: 2.0, decisive: false, pattern: /\b(?:i flinch\w*|hold my breath|(?:his|her) key|hear (?:his|her) (?:car|truck|key)|when (?:he|she) gets (?:home|back)|which version of (?:him|her)|face (?:walking|going) (?:through the door|home|in)|under my pillow|in case i need to (?:call|run|get out)|ended up hurt|punch\w* (?:the )?walls?|broke the (?:\w+ )?door|hiding (?:at|in|from))\b/ },
  { name: 'no_air', prior: 1.0, decisive: false, pattern: /\b(?:can not|could not|cant|couldnt) (?:get (?:any )?air|breathe|talk)\b|\bwent (?:dark|grey|black)\b|\bpassed out\b|\bblacked out\b|\b(?:saw|seeing) spots\b/ },
  { name: 'weapon_at_me', prior: 4, decisive: true, pattern: new RegExp(String.raw`\b(?:point\w*|held|hold\w*|press\w*|wav\w*|pull\w*|put) (?:a |the |his |her |a kitchen |the kitchen )?${WEAPON}(?: \w+){0,3} (?:at|to|on|against|in front of) (?:me|my)\b|\b${WEAPON}\b(?: \w+){0,2} (?:to|against|at) my (?:head|throat|chest|face|temple|neck)\b|\b(?:pull\w*|came at me with|chased me\w*(?: \w+){0,3} with) (?:a |the )?${WEAPON}\b|\b(?:fired|fires|shot|firing) (?:his|her|the|a) (?:gun|rifle|pistol|shotgun)\b`) },
  { name: 'weapon', prior: 0.5, decisive: false, pattern: new RegExp(String.raw`\b${WEAPON}\b`) },
  { name: 'threat_to_kill', prior: 4, decisive: true, pattern: new RegExp(String.raw`\b(?:said|says|say|told me|tells me|threaten\w*|text\w*|messag\w*|swore|swear\w*|promis\w*|whisper\w*|voicemail|note)\b${GAP}{0,4} (?:kill|murder|slit|stab|shoot|strangle|bury|end|finish|hurt|burn|break every bone in) (?:me|my (?:throat|body|boyfriend|girlfriend|mum|mother|kids|children))\b|\bwill not live\b|\b(?:my|one with my) name on it\b|\bput (?:me|you) in the (?:ground|hospital)\b|\bif (?:he|she) can not have me\b`) },
  { name: 'partner_will_kill_me', prior: 4, decisive: true, pattern: new RegExp(String.raw`\b${PARTNER} (?:is |was )?(?:going to|gonna|will|would|might|could|wants to|is trying to|tried to) (?:kill|murder|strangle|stab|shoot|smother|drown) me\b`) },
  { name: 'threat', prior: 1.0, decisive: false, pattern: /(?<!\bi )\bthreat\w*|\b(?:you will|you'll|i will make you) (?:regret|pay|be sorry)\b|\bnext time\b|\baccidents happen\b|\byou know what happens\b|\bmake me (?:go away|disappear)\b|\bknows people\b|\b(?:i am|you are) next\b|\byour last (?:day|days|night|weekend|week|christmas|birthday|chance)\b|\bin a box\b|\bcoffin\b|\bgrave\b|\bi know (?:which|what) room\b|\bi know where you\b|\bpay for it\b|\bget rid of me\b|\bnever see another\b|\b(?:cut|slash|scar|ruin) my face\b|\brun me over\b|\bwhat happens to\b|\bmake sure i (?:never|can not|do not|will not)\b|\b(?:put|leave) me in a wheelchair\b|\bwhat it will cost me\b|\b(?:watching|watch) (?:you|me)\b|\bknows? where\b/ },
  { name: 'kill_me', prior: 1.0, decisive: false, pattern: /\b(?:kill|murder|end|hurt|finish) (?:me|you)\b|\bme (?:dead|disappear)\b|\bbe dead\b/ },
  { name: 'fear_of_partner', prior: 2.5, decisive: false, pattern: /\b(?:scared|afraid|frightened|terrified|petrified|fear\w*) (?:(?:to death )?of (?:him|her|my (?:own )?husband|my (?:own )?wife|my (?:own )?partner|what (?:\w+ )?(?:he|she))|to (?:go|be|get) (?:home|inside|in)|to (?:fall asleep|sleep|go to sleep)|for my (?:life|safety)|(?:he|she) (?:will|would|might))\b|\bscared all the time\b|\b(?:can not|cannot) go home\b|\b(?:scared|afraid|frightened|terrified) to go back\b|\bi (?:freeze|froze|shake|am shaking|was shaking|tense up)\b|\bwhat comes next\b|\bbraced\b|\bnot know what (?:he|she) will do\b|\bin case (?:he|she) (?:starts|comes|finds|wakes|hears|sees)\b|\b(?:scared|afraid|frightened|terrified) (?:he|she) (?:is going to|will|would|might)\b|\bprisoner\b|\bcold with fear\b|\bdo not dare (?:go|to go) home\b/ },
  { name: 'not_safe', prior: 2.5, decisive: false, pattern: /\b(?:feel|am|be|are|is|being) (?:not |un)safe\b|\bnot feel\w* safe\b|\bnot safe\b|\bunsafe\b|\bin danger\b|\bfor my life\b/ },
  { name: 'hiding_from', prior: 1.5, decisive: false, pattern: /\b(?:i (?:hid|hide|am hiding|was hiding)|hiding (?:in|at|from|under)|locked myself|slept in the car|sleep\w* in (?:the car|my daughter's room)|chair against the door|go-?bag|i (?:have )?packed a bag|typing this in the dark|while he is in the shower|library computer)\b/ },
  { name: 'injury', prior: 1.0, decisive: false, pattern: /\b(?:bruis\w*|black eye|stitches|split lip|cracked rib\w*|broke my|broken (?:nose|rib|finger\w*|wrist)|swollen|a&e|a e|hospital|blood|bleed\w*|marks (?:on|around)|lump|hoarse|purple|could not lift|split (?:my|her|his) (?:lip|eyebrow|head|eye)|(?:lip|eyebrow|head|nose|mouth) (?:is |was )?(?:split|bleeding|bust)|bleeding from|glue|sprain\w*|cast on|concussion|bloody nose|handprint|concealer)\b/ },
  { name: 'cover_up', prior: 2.0, decisive: false, pattern: /\b(?:long sleeves|makeup on|cover\w* (?:the )?(?:bruises|marks)|(?:told|tell|said)\b.{0,40}\b(?:i (?:fell|tripped)|walked into|it was the dentist)|i fell but|where clothes cover)\b/ },
  { name: 'control_things', prior: 2.0, decisive: false, pattern: /\b(?:took|takes|taken|keeps|kept|has|hid|hides|confiscat\w*|locked|sold|changed|smashed) (?:away )?(?:my|our|all my|my son's)(?: \w+){0,2} (?:passport\w*|keys?|phone|bank ?cards?|cards|wages|money|papers|visa|id|medication|shoes|car|wallet|passwords?)\b|\b(?:passport|visa|papers|residence papers)\b/ },
  { name: 'controls_money', prior: 2.0, decisive: false, pattern: /\bcontrols? (?:all )?(?:the |my |our )?(?:money|finances|bank)\b|\bask (?:him|her)? ?for (?:cash|money)\b|\bshow (?:him|her) the receipt\b|\bbank balance\b|\bno money of my own\b|\bmy own money\b|\bgives me \w+ (?:pounds|dollars|a week)\b/ },
  { name: 'controls_me', prior: 2.0, decisive: false, pattern: /\b(?:made|makes|make) me (?:kneel|sleep|beg|apologi\w*|delete|stay|eat|wear|watch|ask|send|call|show)\b|\bpunish\w* me\b|\bdecides? (?:what|who|when|where) i\b|\btells? me what to (?:say|wear|do)\b|\blistens? (?:to|in on) my calls\b|\bwhere i am every\b|\bcomes? looking\b|\bchanged (?:the|my) (?:\w+ )?passwords?\b|\bonly (?:he|she) can\b|\btook my job\b|\bdisconnect\w*\b|\bpasswords? (?:to|of) my\b|\bkeeps? a list\b|\bdemands? (?:i|that i|my|to)\b|\bso (?:he|she) can see (?:i am|where|who)\b|\bprove i am (?:alone|at)\b/ },
  { name: 'not_allowed', prior: 1.5, decisive: false, pattern: /\b(?:not allowed|will not let me|won't let me|would not let me|does not let me|did not let me|forbids?|forbidden|have to ask (?:permission|for)|ask permission|permission to|makes me hand|have to hand|locks me|locked me)\b/ },
  { name: 'isolation', prior: 2.0, decisive: false, pattern: /\b(?:cut me off|cut off from|not allowed to see|given up trying|made me delete|no friends left|decides who)\b/ },
  { name: 'tracking', prior: 1.5, decisive: false, pattern: /\b(?:tracker|tracking|airtag|spyware|hidden camera|cameras?|app on my phone|my location|follow\w* me|outside my (?:flat|house|work|office|door)|turn\w* up (?:at|wherever)|watch\w* me|parking across|shows? up at|showing up at|sitting outside|check\w* (?:what i|where i|who i|that i|i am)|calls? my (?:work|office|boss|friends)|hack\w*|pretending to be me|knows (?:every|each) (?:place|where)|knows everything i (?:say|do|write)|(?:did not|never) install\w*|screenshot\w*|send (?:it |them )?to (?:him|her) every|fake account|after i blocked|knows (?:what|where) i|(?:he|she) is outside|reads? (?:my|every)|quot\w* (?:my|one)|logs? into my)\b/ },
  { name: 'sexual_coercion', prior: 1.5, decisive: false, pattern: /\b(?:forc\w*|made|makes|pressur\w*) me (?:to )?(?:have sex|sleep with|do things)\b|\bsaid no\b|\bsay no\b|\bno for an answer\b|\brap(?:e|ed|ing|es)\b|\b(?:does|did|do) not stop when\b|\b(?:owe|owes) (?:him|her) my body\b|\bright to say no\b|\bnot get to say no\b|\bcan not say no\b|\btakes what (?:he|she) wants\b|\bdid not want to\b|\b(?:doing|does|did) things to me\b|\b(?:sex|bed)\b/ },
  { name: 'raped', prior: 4, decisive: true, pattern: /\b(?:he|she) rap(?:e|ed|es)\b|\bforc\w* (?:himself|herself) on me\b|\bforc\w* me into (?:sex|bed)\b|\braped me\b|\bforc\w* me to have sex\b|\bsaid no and (?:he|she) (?:did it|kept going|carried on) anyway\b/ },
  { name: 'child_or_pet', prior: 0, decisive: false, pattern: /\b(?:kids?|children|son|daughter|baby|eldest|boy|girl|dog|cat|puppy|rabbit|budgie|pet|hamster)\b/ },
  { name: 'harm_child_or_pet', prior: 2.5, decisive: false, pattern: new RegExp(String.raw`\b${HARM_VERBS}(?: \w+){0,2} (?:my|our|the) (?:kids?|children|son|daughter|baby|eldest|dog|cat|puppy|rabbit|budgie|pet)\b|\b(?:take|snatch\w*|took) (?:the|our|my) (?:kids|children|baby)\b(?: \w+){0,4} (?:never|find)\b`) },
  { name: 'self_harm', prior: 4, decisive: true, pattern: /\b(?:want|wanna|wanted|wish) (?:to )?(?:die|be dead)\b|\bi wish i (?:was|were) dead\b|\bbetter off without me\b|\b(?:end|ending|take|taking) my (?:own )?life\b|\bkill\w* myself\b|\bsuicid\w*|\bi am (?:tired of being alive|going to end it)\b|\b(?:not|never) (?:want to|wanna) (?:wake up|be here|be alive|live|exist|be around)\b|\bnot wake up\b|\bnever wake up\b|\b(?:cutting|cut|burn|hurt|harm|hurting|harming) myself\b|\bself[- ]?harm\w*|\boverdos\w*\b|\bnot (?:be|still be) (?:alive|here|around)\b|\b(?:world|everyone|everybody|they|family|kids) (?:would|will) be (?:\w+ )?(?:better|happier|lighter) (?:off )?(?:without me|if i (?:was|were) gone)\b|\brather be dead\b|\bnot worth living\b|\bmake it stop for good\b|\bdisappear\w* for good\b|\bno one would (?:miss|notice) (?:me|if i)\b|\bnobody would (?:miss|notice)\b|\bthinking about (?:dying|death|killing)\b|\bno point (?:in )?(?:me|going on|living|being alive|in being here)\b|\bgiving (?:my|all my) (?:things|stuff|belongings) away\b|\bhow many (?:tablets|pills)\b|\b(?:cutting|self harming) again\b|\bhoping (?:i would|i'd|to) (?:crash|die|not)\b|\bstop\w*,? permanently\b|\bkeep driving into\b|\bnot (?:want|wanna|planning|plan|going) (?:to )?(?:on )?(?:keep living|keep going|be around|being around|live|still be here)\b|\bor at all\b|\bwant (?:me|myself|my life|it all) to be over\b|\bpoint of me\b|\bstop(?:ped)? existing\b|\bwhether i wake up\b|\b(?:get ill|get sick) and die\b|\bnot be around\b|\bnot (?:want|wanna) to (?:carry on|go on|keep going)\b|\bnot plan to (?:stick around|be here|be around)\b|\bsleep forever\b|\bif i (?:just )?died\b|\bif i (?:was|were) dead\b|\bending it all\b|\bmy will and\b|\bletters? to my (?:kids|children|family)\b|\bway out (?:except|but) (?:dying|death|to die)\b|\bdone with (?:life|living|being alive)\b|\b(?:going|want|wanna) to kill myself\b|\bcutting (?:my|myself)\b|\bnot see (?:the |any )?point (?:in )?(?:going on|living|carrying on|being here|anymore|of me)\b|\b(?:ways|how) to (?:do it|end it|kill myself|die)\b/ },
  { name: 'end_it', prior: 1.5, decisive: false, pattern: /\b(?:want|wanna|going|gonna|ready) to end it\b|\bend it (?:all|tonight|now)\b/ },
  { name: 'self_harm_means', prior: 1.0, decisive: false, pattern: /\b(?:pills|tablets|razor|rope|bridge|cliff|train|jump|bottle|note|goodbye\w*|letters|plan|drive\w* (?:off|into)|in front of|walking into the sea|scratching|lighter|wrists)\b/ },
  { name: 'writer_lost_it', prior: 2.5, decisive: false, pattern: /\bi (?:lost it|snapped) and (?:hit|slapped|punched|pushed|grabbed|shoved)\b|\bscared of myself\b|\bfrightened of myself\b/ },
  { name: 'writer_strangles', prior: 4, decisive: true, pattern: /\bmy hands (?:around|on|round) (?:his|her) (?:neck|throat)\b|\bi (?:grabbed|choked|strangled) (?:him|her) by the (?:neck|throat)\b|\bi (?:choked|strangled) (?:him|her)\b/ },
  { name: 'partner_self_harm', prior: 4, decisive: true, pattern: /\b(?:kill|hang|shoot|drown|hurt) (?:himself|herself)\b|\btake (?:his|her) (?:own )?life\b|\bend (?:his|her) life\b|\bslit (?:his|her) wrists\b|\bcut (?:his|her) wrists\b|\b(?:he|she) (?:will|would|is going to|is gonna|would rather) (?:jump|die|end it)\b|\b(?:he|she) (?:overdosed|swallowed)\b/ },
  { name: 'writer_harms_partner', prior: 2.0, decisive: false, pattern: /\bi (?:hit|slapped|pushed|grabbed|shoved|punched|kicked) (?:him|her)\b|\b(?:i|my hands) (?:had|put|were)? ?(?:my )?hands (?:around|on|round) (?:his|her) (?:neck|throat)\b|\bhurting (?:him|her)\b|\bbought a knife\b/ },
  { name: 'violence_word', prior: 0.5, decisive: false, pattern: /\b(?:violen\w*|abus\w*|assault\w*|physical|police|domestic)\b/ },
  { name: 'resolved_past', prior: -1.5, decisive: false, pattern: /\b(?:years ago|long ago|in my (?:teens|twenties|thirties)|as a (?:teenager|child|kid)|when i was (?:a child|young|little|a teenager|\w+teen)|(?:in|at) (?:university|college|school|high school|uni)|as a student|growing up|grew up|my (?:first|ex)[- ](?:husband|wife|marriage|partner)|ended in \d+|used to)\b/ },
  { name: 'reassurance', prior: -1.5, decisive: false, pattern: /\b(?:nothing like|i am safe|we are safe|in a (?:much )?better place|been well|i am okay|i am ok|got help|got treatment|it is over|never (?:been )?violent|wouldn't hurt|would never hurt)\b/ },
  { name: 'banter', prior: -1.0, decisive: false, pattern: /\b(?:lol|lmao|haha\w*|ha ha|kidding|lovingly|jokingly|joking,? obviously|cracked up|in stitches|fair enough|we (?:were |both )?laugh\w*|we joked)\b/ },
  { name: 'as_a_joke', prior: 0.5, decisive: false, pattern: /\b(?:as a joke|for a laugh|just messing|only (?:joking|messing|scaring)|just (?:joking|scaring)|was joking)\b/ },
  { name: 'figurative_marker', prior: -1.5, decisive: false, pattern: /\b(?:emotionally|metaphorically|figuratively|in my heart|inside|in a good way|in the nicest way|not literally|so to speak|in my head)\b/ },
  { name: 'consent', prior: -2, decisive: false, pattern: /\b(?:agreed|agree|by agreement|i offered|offered to|do not mind|it was (?:my|his|her|our) idea|(?:his|her|my) suggestion|voluntarily|freely|without (?:her|him) asking|i (?:have |had )?said yes|in front of me)\b/ },
  { name: 'trivial_condition', prior: -1.5, decisive: false, pattern: /\b(?:if|when|unless) (?:i|you|he|she|it|we) (?:\w+ ){0,2}(?:forget|forgot|eat|ate|eats|skip|skipped|buy|bought|book|booked|spoil\w*|miss|missed|snore\w*|burn\w* the|break the|finish\w* the|leave the|left the|watch\w*|make him watch|make her watch|autocorrect\w*|wear|wore|bring\w* home|check\w* work|spend|spent|sing|use (?:his|her)|touch (?:his|her)|lose|lost|tell (?:him|her|you) about (?:her|his) snoring)\b|\bif (?:i am|you are|we are) late\b/ },
  { name: 'media_or_sport', prior: -1.0, decisive: false, pattern: /\bread (?:about|an?)\b|\b(?:film|movie|series|show|documentary|podcast|novel|book|news|article|story|game|match|class|club|range|coach|training|play|theatre|tv|episode|drama|season|round|sparring|paintball\w*|hunting|judo|karate|boxing|rugby|cricket|football|practice|shift|job|work|patient\w*|ward|surgeon|nurse|paramedic|officer|trial)\b/ },
];

/**
 * The names of the signs found in one sentence. A sign counts where one of its matches starts outside negation and
 * outside a question someone else asked; when every match is inside one, it is named `neg_…` instead. A decisive
 * sign in a sentence about a past that is over is named `past_…`, and in banter or over a trifle `banter_…`.
 */
export function signsIn(sentence: ReadSentence): string[] {
  const found: string[] = [];
  for (const { name, global } of GLOBAL_SIGNS) {
    global.lastIndex = 0;
    let seen = false;
    let inScope = false;
    for (let match = global.exec(sentence.plain); match && !inScope; match = global.exec(sentence.plain)) {
      seen = true;
      const scoped = sentence.scoped[countSpaces(sentence.plain, match.index)] ?? '';
      inScope = !scoped.startsWith('not_') && !scoped.startsWith('q_');
      if (match[0].length === 0) global.lastIndex++;
    }
    if (seen) found.push(inScope ? name : `neg_${name}`);
  }
  // A decisive sign told of a past that is over ("years ago"), or in banter ("lol"), is weighed by the model instead.
  if (found.includes('resolved_past')) return found.map((name) => (DECISIVE.has(name) ? `past_${name}` : name));
  if (found.includes('banter') || found.includes('trivial_condition')) return found.map((name) => (DECISIVE.has(name) ? `banter_${name}` : name));
  return found;
}

/** The decisive signs among `names`: any one of them offers the support line whatever the model says. */
export function decisiveSigns(names: readonly string[]): string[] {
  return names.filter((name) => DECISIVE.has(name));
}

/** The prior weight of each sign feature (`s:name`); negated and past forms start at nothing. */
export const SIGN_PRIORS: ReadonlyMap<string, number> = new Map([
  ...DANGER_SIGNS.map((sign) => [`s:${sign.name}`, sign.prior] as const),
  ['s:past_and_safe_now', -2.5],
]);

const GLOBAL_SIGNS = DANGER_SIGNS.map((sign) => ({ name: sign.name, global: new RegExp(sign.pattern.source, 'g') }));
const DECISIVE = new Set(DANGER_SIGNS.filter((sign) => sign.decisive).map((sign) => sign.name));

function countSpaces(text: string, end: number): number {
  let spaces = 0;
  for (let index = 0; index < end; index++) if (text.charCodeAt(index) === 32) spaces++;
  return spaces;
}
