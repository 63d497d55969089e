// Pure: figurative uses of violent or frightening words, set aside before the safety check reads a reflection.

/**
 * Each pattern matches an idiom, a hyperbole or banter in lower-cased text with contractions opened; the check
 * replaces the match with the word `figurative`. Literal violence never matches: "punched me in the stomach" is
 * not here, "like a punch in the stomach" is.
 */
export const IDIOMS: readonly RegExp[] = [
  // body blows as similes and nouns
  /\b(like|as if|as though) (i had been |i'd been |i was |i have been |being |getting |someone |a |an |he |she |my )?(punch(?!ing bag)|kick|slap|stab|shot|hit|knif|gutt|winded|knocked|run over|hit by)\w*( \w+){0,4}/g,
  /\b(a|another|the|real|such a) (punch|kick|slap|blow|hammer blow|dagger|knife|bullet|gut punch|stab)( in| to| through)? (the |my |me in the )?(gut|stomach|face|teeth|heart|chest|back|soul)\b/g,
  /\b(gut[- ]?punch\w*|gut[- ]wrench\w*|gutted|gutting|low blow|hammer blow|kick in the teeth|slap in the face|slap on the wrist)\b/g,
  /\b(stab\w*|knif\w*) (me |him |her |us )?in the back\b|\bback[- ]?stab\w*|\bknife (in|through) (my|the) (back|heart|chest)\b/g,
  /\btwist\w* the knife\b|\bknife twist\w*|\bdagger\w*( to| in| through)? (my|the) heart\b/g,
  /\b(punched|kicked|hit|stabbed|shot|winded|floored) (me )?(in|through) the (heart|soul|feels)\b/g,
  /\b(hit|hits|punched|kicked|struck|slammed|knocked) (me|us|him|her) (like a|like an|for six|sideways|flat|off my feet)\b|\bknocked (me )?(flat|sideways|for six)\b/g,
  /\bkick (my|his|her|your) (backside|butt|arse|ass|behind)\b|\b(have|had|want\w*) my head on a (plate|platter|stick)\b/g,
  /\blike an? (?:\w+ ){0,2}(?:lorry|train|truck|bus|tonne|ton of bricks|wave|hurricane|tornado|bomb|steamroller|freight train|brick wall|sledgehammer)\b|\b(?:kill|murder) for (?:a|an|some|the)\b|\b(?:early grave|drive me (?:mad|crazy|up the wall)|driving me (?:mad|crazy|up the wall|to an early grave))\b|\bblack and blue emotionally\b/g,
  /\bhurt (?:him|her|them) (?:the way|like|as) (?:he|she|they) hurt me\b/g,
  /\b(?:could not|can not|couldn't) (?:breathe|speak|talk|see) for (?:crying|sobbing|tears|laughing)\b/g,
  // care and encouragement that share violent verbs
  /\b(?:held|holds|holding|hold|took|takes|take|grabbed|grabs|squeezed|squeezes|squeeze|reached for) (?:my|his|her) hand\b(?! (?:over|on|against|across|round|around|to) (?:my|me))|\b(?:push\w*|kick\w*) (?:me|him|her) to (?:go|try|apply|do|see|get|be|finish|keep|start|talk|take)\b|\b(?:held|hugged|holds|hugs|holding) (?:me|him|her) (?:while|when|as|until) (?:i|he|she|we) (?:cried|sobbed|cry|cries|was crying|keep crying|could|shook|was shaking|fell apart|broke down)\b/g,
  // crying, shock and grief that take the breath
  /\b(choked|choking|choke) (up|back)\b|\bchoking on (my |the )?(words|tears|sobs|things|all)\b|\b(cried|crying|sobbed|sobbing|wept)( \w+){0,6} (could not|could barely|can not|couldn't) (breathe|speak|talk)\b/g,
  /\b(knocked|knock|knocks) the wind out of\b|\btook my breath away\b|\bfloor(ed)? me\b/g,
  // killing, dying and murder as hyperbole
  /\b(is|are|was|were|it is|this is|that is) killing (me|us|him|her)\b/g,
  /\bkilling (me|him|her) (with|softly)\b|\b(killed|kill|killing|smashed|nailed|murdered|slaughtered) it\b/g,
  /\b(dying|died|die|dead) (to|of|laughing|with laughter)\b|\bnearly died\b|\b(bored|laughed|worked|working|work|worry|worried|love|loved) (\w+ )?to death\b/g,
  /\b(be|was|is) the death of (me|him|her|us)\b|\bdeath by a thousand cuts\b|\bnail in the coffin\b|\bdead (meat|man walking|to me)\b/g,
  /\bi('d| would| could| will|'ll)? ?(cheerfully |happily |honestly |seriously )?(kill|murder|strangle|throttle) for\b/g,
  /\b(mum|mom|mother|dad|father|boss|sister|brother|teacher|coach|kids|children|son|daughter|teenager|friends?|mother-in-law|in-laws) (is |are |will |would |is going to |are going to |will be going to )?(kill|murder)\w*\b/g,
  /\bkill\w* (myself|himself|herself) (with|over|at) (work|the gym|training|laughing|laughter)\b|\b(working|worked) (myself|himself|herself) (to death|into the ground)\b/g,
  /\bkiller (dress|look|heels|line|joke|workout|view|outfit|smile)\b|\bkilljoy\b|\bmurder (a|the) (pizza|burger|curry|drink|coffee|pint)\b/g,
  // fights as metaphor
  /\b(at each other's throats|go(ing|es|ne)? for the jugular|went for the jugular|fight(ing)? like cats and dogs|war of words|beat(ing)? (myself|himself|herself) up|kick(ing)? (myself|himself|herself)|shot (me |him |her )?down|tore strips off|bit my head off|bite my head off)\b/g,
  /\b(walking|walk|walked|tread\w*) on (egg ?shells|a minefield)\b|\bpulled the rug\b|\bthrown under the bus\b|\b(question|it|that|this|news|words|step|memory) hit (me )?(hard|home)\b/g,
  /\b(heart|pride|ego|confidence) (took a beating|(is |was |got )?(ripped|torn|smashed|broken|crushed|stamped))\b/g,
  /\b(drowning|suffocat\w*|bleeding) (in|by|money|inside)\b|\bsick (to my stomach|and tired)\b|\bcut me (to the bone|deep|deeper)\b/g,
  /\bhurt (me|us|him|her|them)( so much| badly| deeply)? (with|by) (the |his |her |their |all )?(lies|lying|affair|words|silence|what|cheating|betrayal)\b/g,
  /\bi (cut|burnt|burned|sliced) (myself|my (hand|finger|thumb)) (shaving|cooking|chopping|carving|on the|on a|open)\b/g,
  /\b(it|this|that|grief|sadness|pain|the memory|the realisation|the anger) (just )?(hits|hit) me\b|\bhits? like a\b|\b(hit|struck) by a (ball|cricket ball|car|bus|truck|wave)\b|\bbroke my (own )?heart\b/g,
  /(?<!\b(?:said|says|told me|swore|threatened|promised)[^.!?\n]{0,20})\b(will|would|is going to|going to|gonna) (kill|murder) me (if|when) (he|she|they|mum|mom) (finds? out|find out|see|sees|hears?|knew|know)\b/g,
  /\bi (nearly|almost|could have|could|would|will) (strangl|throttl|kill|murder)\w* (him|her)\b/g,
  // a bereavement or a cause, not the writer's own thoughts
  /\b(?:lost|lose|losing) (?:\w+ ){0,3}to suicide\b|\bsuicide (?:prevention|awareness|charity|walk|run|fundraiser)\b/g,
  /\b(dead|killing) (tired|me softly)\b|\bscared stiff\b|\bover my dead body\b/g,
];
