package io.hippocamel.memory.extract;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tartarus.snowball.ext.EnglishStemmer;

/**
 * What the built-in extractor reads from one sentence: its words, stemmed content words, subject, relation key (the
 * predicate head, e.g. {@code residence} for "live in", "moved to"), polarity, and the cues for static vs dynamic
 * and for time. Word lists, not a parser: see {@link BuiltInExtractor} for what that implies.
 */
record Statement(String text, List<String> words, Set<String> content, String subject, String relation,
                 boolean exclusive, boolean negated, boolean question, boolean addressedToOther, boolean instruction,
                 boolean isStatic, String temporalContext) {

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+(?:['\u2019][\\p{L}]+)*");

    /** Function words: not content, for similarity. */
    private static final Set<String> STOP = Set.of("a", "an", "the", "and", "or", "but", "if", "then", "so", "of",
            "in", "on", "at", "to", "for", "from", "with", "by", "about", "as", "into", "over", "after", "before",
            "up", "down", "out", "off", "than", "too", "very", "really", "just", "also", "still", "now", "already",
            "i", "me", "my", "mine", "myself", "we", "us", "our", "ours", "you", "your", "yours", "he", "him", "his",
            "she", "her", "hers", "it", "its", "they", "them", "their", "this", "that", "these", "those", "there",
            "here", "what", "which", "who", "whom", "whose", "when", "where", "why", "how", "am", "is", "are", "was",
            "were", "be", "been", "being", "do", "does", "did", "have", "has", "had", "will", "would", "shall",
            "should", "can", "could", "may", "might", "must", "not", "no", "never", "anymore", "longer", "some",
            "any", "all", "much", "many", "more", "most", "own", "such", "only", "quite", "pretty", "actually",
            "'s", "gonna", "wanna", "kinda", "like");
    /** Words that carry no fact on their own: greetings, thanks, reactions, fillers. */
    private static final Set<String> FILLER = Set.of("hi", "hello", "hey", "thanks", "thank", "bye", "goodbye",
            "ok", "okay", "sure", "yes", "yeah", "yep", "nope", "lol", "haha", "wow", "cool", "great", "awesome",
            "amazing", "nice", "wonderful", "fantastic", "glad", "good", "congrats", "congratulations", "sorry",
            "please", "hmm", "oh", "ah", "well", "right", "totally", "absolutely", "indeed", "see", "sound", "sounds",
            "welcome", "care", "lot", "lots", "bit", "thing", "things", "stuff", "way", "omg", "cheers", "morning",
            "evening", "night", "afternoon", "day", "exciting", "agree", "talk", "chat", "interesting", "fun");
    private static final Set<String> NEGATIONS = Set.of("not", "never", "no", "anymore", "longer", "nobody",
            "nothing");
    private static final Set<String> AUXILIARIES = Set.of("am", "is", "are", "was", "were", "be", "been", "do",
            "does", "did", "have", "has", "had", "will", "would", "shall", "should", "can", "could", "may", "might",
            "must", "not", "never", "no", "longer", "just", "also", "still", "now", "recently", "finally", "actually",
            "currently", "always", "usually", "often", "really", "already", "soon", "officially", "gonna", "going",
            "to", "getting", "get", "got");
    private static final Set<String> PREPOSITIONS = Set.of("in", "at", "to", "for", "from", "with", "on", "by",
            "as", "into");
    /** Leading words that introduce a sentence without being part of the fact. */
    private static final List<String> DISCOURSE = List.of("by the way", "btw", "fyi", "just so you know", "anyway",
            "anyways", "so", "well", "oh", "also", "and", "but", "actually", "honestly", "basically", "plus", "ps",
            "remember that", "remember", "note that", "please note that", "for the record", "yeah", "yep", "yes",
            "wow", "hey", "ok", "okay", "haha", "lol", "hmm", "ah", "thanks", "omg");
    private static final Set<String> SECOND_PERSON = Set.of("you", "your", "yours", "yourself", "yourselves", "u",
            "ur");
    private static final Set<String> FIRST_PERSON = Set.of("i", "me", "my", "mine", "myself", "we", "us", "our",
            "ours", "ourselves");
    private static final Set<String> INSTRUCTIONS = Set.of("please", "write", "give", "tell", "show", "help",
            "explain", "summarize", "summarise", "translate", "list", "create", "make", "generate", "find", "check",
            "take", "look", "let", "let's", "imagine", "describe", "compare", "suggest", "recommend", "draft",
            "fix", "can", "could", "would", "will", "do", "does", "did", "is", "are", "what", "who", "how", "why",
            "when", "where", "which", "guess");
    private static final Set<String> OTHER_SUBJECT_PRONOUNS = Set.of("he", "she", "they", "we", "it");
    /** Predicate heads (verb stem + preposition) of single-valued relations: a new value replaces the old one. */
    private static final Map<String, String> EXCLUSIVE_RELATIONS = Map.ofEntries(
            Map.entry("live|in", "residence"), Map.entry("live", "residence"), Map.entry("resid|in", "residence"),
            Map.entry("move|to", "residence"), Map.entry("relocat|to", "residence"),
            Map.entry("be|base", "residence"), Map.entry("work|at", "employer"), Map.entry("work|for", "employer"),
            Map.entry("start|at", "employer"), Map.entry("join", "employer"), Map.entry("be|employ", "employer"),
            Map.entry("work|as", "occupation"), Map.entry("be|from", "origin"), Map.entry("come|from", "origin"),
            Map.entry("be|marri", "spouse"), Map.entry("studi|at", "school"), Map.entry("drive", "vehicle"),
            Map.entry("be|call", "name"), Map.entry("be|name", "name"), Map.entry("go|by", "name"));
    /** Head nouns of "my X is ..." that have one value at a time. */
    private static final Set<String> EXCLUSIVE_NOUNS = Set.of("name", "job", "age", "birthday", "address", "email",
            "phone", "number", "title", "role", "position", "employ", "compani", "citi", "hometown", "home",
            "wife", "husband", "partner", "boyfriend", "girlfriend", "boss", "manag", "favourit", "car", "team",
            "major", "salari", "goal", "deadlin", "timezon", "school", "colour");
    private static final Map<String, String> SPELLING = Map.of("favorite", "favourite", "color", "colour",
            "favorites", "favourites", "colors", "colours", "gray", "grey");
    private static final Map<String, List<String>> CONTRACTIONS = Map.ofEntries(
            Map.entry("i'm", List.of("i", "am")), Map.entry("im", List.of("i", "am")),
            Map.entry("can't", List.of("can", "not")), Map.entry("cannot", List.of("can", "not")),
            Map.entry("won't", List.of("will", "not")), Map.entry("ain't", List.of("am", "not")),
            Map.entry("let's", List.of("let's")));
    private static final Set<String> IS_CONTRACTED = Set.of("it", "he", "she", "that", "what", "there", "here",
            "who", "where", "how", "everything", "nothing", "something");

    private static final Set<String> MONTHS = Set.of("january", "february", "march", "april", "may", "june",
            "july", "august", "september", "october", "november", "december");
    private static final Set<String> WEEKDAYS = Set.of("monday", "tuesday", "wednesday", "thursday", "friday",
            "saturday", "sunday");
    /** Single words and word pairs that make a sentence time-bound (dynamic). */
    private static final Set<String> DYNAMIC_CUES = Set.of("today", "tonight", "yesterday", "tomorrow", "recently",
            "currently", "lately", "ago", "soon", "gonna", "planning", "preparing", "right now", "the moment",
            "these days", "working on", "going to", "plan to", "trying to", "about to", "this week",
            "this weekend", "this month", "this year", "this morning", "this afternoon", "this evening",
            "this summer", "this winter", "this spring", "this fall", "last week", "last weekend", "last night",
            "last month", "last year", "last time", "last summer", "last winter", "next week", "next weekend",
            "next month", "next year", "next time");
    /** Single words and word pairs of lasting traits, preferences and identity (static). */
    private static final Set<String> STATIC_CUES = Set.of("always", "usually", "every", "never", "favourite",
            "prefer", "love", "loves", "like", "likes", "enjoy", "enjoys", "hate", "hates", "dislike", "allergic",
            "vegetarian", "vegan", "born", "called", "native", "fluent", "speak", "speaks", "believe", "identify",
            "married", "name is", "my name", "years old", "am a", "am an", "work as", "am from", "grew up",
            "live in", "lives in");
    private static final Set<String> IRREGULAR_PAST = Set.of("went", "saw", "met", "got", "took", "made", "bought",
            "ran", "came", "had", "did", "found", "gave", "left", "told", "began", "wrote", "spent", "won", "lost",
            "felt", "heard", "paid", "sent", "sold", "built", "caught", "ate", "drove", "flew", "swam", "started",
            "finished", "visited", "moved", "joined");
    private static final Pattern TEMPORAL = Pattern.compile("(?i)\\b(?:today|tonight|yesterday|tomorrow"
            + "|(?:this|last|next) (?:week|weekend|night|month|year|morning|afternoon|evening|summer|winter|spring"
            + "|fall|autumn|monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
            + "|(?:a|one|two|three|four|five|six|\\d+) (?:days?|weeks?|months?|years?) ago|recently|currently"
            + "|right now|at the moment|these days"
            + "|(?:on |in |since )?\\d{1,2}(?:st|nd|rd|th)? (?:of )?(?:january|february|march|april|may|june|july"
            + "|august|september|october|november|december)(?:,? \\d{4})?"
            + "|(?:on |in |since )?(?:january|february|march|april|june|july|august|september|october|november"
            + "|december|may(?= \\d))(?: \\d{1,2}(?:st|nd|rd|th)?)?(?:,? \\d{4})?"
            + "|(?:on |since )(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
            + "|(?:in |since )(?:19|20)\\d\\d|\\d{4}-\\d{2}-\\d{2})\\b");

    /** Reads a sentence said by {@code speaker} (a named speaker, or null for the user / a document's author). */
    static Statement of(String sentence, String speaker) {
        String text = stripDiscourse(sentence.strip());
        List<String> words = words(text);
        boolean question = sentence.strip().endsWith("?");
        String first = words.isEmpty() ? "" : words.get(0);
        // said to the other party ("You'd be a great counselor", "So cool you found a group"), not about oneself
        boolean addressed = SECOND_PERSON.contains(first) || words.stream().anyMatch(SECOND_PERSON::contains)
                && words.stream().noneMatch(FIRST_PERSON::contains);
        boolean instruction = INSTRUCTIONS.contains(first);
        EnglishStemmer stemmer = new EnglishStemmer();
        Set<String> content = new LinkedHashSet<>();
        boolean negated = false;
        for (String w : words) {
            if (NEGATIONS.contains(w)) {
                negated = true;
            } else if (!STOP.contains(w)) {
                content.add(stem(stemmer, w));
            }
        }
        negated |= words.contains("hate") || words.contains("dislike") || words.contains("hates")
                || words.contains("dislikes");
        String[] subjectAndRelation = subjectAndRelation(text, words, speaker, stemmer);
        String relation = subjectAndRelation[1];
        boolean exclusive = relation != null && (EXCLUSIVE_RELATIONS.containsValue(relation)
                || (relation.startsWith("np:") && EXCLUSIVE_NOUNS.stream().anyMatch(relation::contains)));
        boolean dynamic = dynamic(words);
        boolean isStatic = !dynamic && (hasCue(words, STATIC_CUES) || myNounIs(words));
        String temporalContext = null;
        if (dynamic || words.stream().anyMatch(w -> MONTHS.contains(w) || WEEKDAYS.contains(w))) {
            Matcher temporal = TEMPORAL.matcher(text);
            temporalContext = temporal.find() ? temporal.group().strip() : null;
        }
        return new Statement(text, words, content, subjectAndRelation[0], relation, exclusive, negated, question,
                addressed, instruction, isStatic, temporalContext);
    }

    private static boolean hasCue(List<String> words, Set<String> cues) {
        for (int i = 0; i < words.size(); i++) {
            if (cues.contains(words.get(i)) || (i + 1 < words.size()
                    && cues.contains(words.get(i) + " " + words.get(i + 1)))) {
                return true;
            }
        }
        return false;
    }

    /** A time cue, a date (month and number, a year) or an event in the past tense ("I went", "I just started"). */
    private static boolean dynamic(List<String> words) {
        if (hasCue(words, DYNAMIC_CUES)) {
            return true;
        }
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            String next = i + 1 < words.size() ? words.get(i + 1) : "";
            if (MONTHS.contains(w) && isNumber(next) || isNumber(w) && MONTHS.contains(next)
                    || w.length() == 4 && isNumber(w) && (w.startsWith("19") || w.startsWith("20"))) {
                return true;
            }
            if ((w.equals("i") || w.equals("we") || w.equals("just")) && (IRREGULAR_PAST.contains(next)
                    || next.length() > 4 && next.endsWith("ed"))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isNumber(String w) {
        return !w.isEmpty() && Character.isDigit(w.charAt(0));
    }

    /** "my X is" / "my X Y are": something the speaker has or is, lasting by default. */
    private static boolean myNounIs(List<String> words) {
        for (int i = 0; i + 2 < words.size(); i++) {
            if (words.get(i).equals("my") && (Set.of("is", "are").contains(words.get(i + 2))
                    || i + 3 < words.size() && Set.of("is", "are").contains(words.get(i + 3)))) {
                return true;
            }
        }
        return false;
    }

    /** Content words that are neither filler nor a number: how much the sentence says. */
    int informativeWords() {
        int n = 0;
        for (String w : words) {
            if (!STOP.contains(w) && !FILLER.contains(w) && !NEGATIONS.contains(w)) {
                n++;
            }
        }
        return n;
    }

    /** Share of the two content sets in common (Jaccard). */
    double similarity(Statement other) {
        if (content.isEmpty() || other.content.isEmpty()) {
            return 0;
        }
        int common = 0;
        for (String c : content) {
            if (other.content.contains(c)) {
                common++;
            }
        }
        return (double) common / (content.size() + other.content.size() - common);
    }

    /** Share of the other statement's content words that this one also has. */
    double covers(Statement other) {
        if (other.content.isEmpty()) {
            return 0;
        }
        return other.content.stream().filter(content::contains).count() / (double) other.content.size();
    }

    boolean sameSubject(Statement other) {
        return subject != null && subject.equals(other.subject);
    }

    boolean sameRelation(Statement other) {
        return relation != null && relation.equals(other.relation) && sameSubject(other);
    }

    private static String stripDiscourse(String sentence) {
        String s = sentence;
        boolean stripped = true;
        while (stripped) {
            stripped = false;
            String lower = s.toLowerCase(Locale.ROOT);
            for (String marker : DISCOURSE) {
                if (lower.startsWith(marker) && lower.length() > marker.length()
                        && !Character.isLetterOrDigit(lower.charAt(marker.length()))) {
                    int from = marker.length();
                    while (from < s.length() && (Character.isWhitespace(s.charAt(from))
                            || ",:;.!-\u2014".indexOf(s.charAt(from)) >= 0)) {
                        from++;
                    }
                    s = s.substring(from);
                    stripped = true;
                    break;
                }
            }
        }
        return s;
    }

    private static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            String w = m.group().toLowerCase(Locale.ROOT).replace('\u2019', '\'');
            w = SPELLING.getOrDefault(w, w);
            List<String> expanded = CONTRACTIONS.get(w);
            if (expanded != null) {
                out.addAll(expanded);
            } else if (w.endsWith("n't")) {
                out.add(w.substring(0, w.length() - 3));
                out.add("not");
            } else if (w.endsWith("'s")) {
                String base = w.substring(0, w.length() - 2);
                out.add(base);
                out.add(IS_CONTRACTED.contains(base) ? "is" : "'s");
            } else if (w.endsWith("'re") || w.endsWith("'ve") || w.endsWith("'ll") || w.endsWith("'d")
                    || w.endsWith("'m")) {
                int apostrophe = w.lastIndexOf('\'');
                out.add(w.substring(0, apostrophe));
                out.add(switch (w.substring(apostrophe)) {
                    case "'re" -> "are";
                    case "'ve" -> "have";
                    case "'ll" -> "will";
                    case "'d" -> "would";
                    default -> "am";
                });
            } else {
                out.add(w);
            }
        }
        return out;
    }

    private static String stem(EnglishStemmer stemmer, String word) {
        stemmer.setCurrent(word);
        stemmer.stem();
        return stemmer.getCurrent();
    }

    /**
     * The subject ({@code i} or the speaker's name for the first person, a name or the first content word otherwise)
     * and the relation key: {@code np:<nouns>} for "my/X's NOUNS is ...", else the verb stem plus the preposition
     * that follows it, mapped to a named single-valued relation when it is one.
     */
    private static String[] subjectAndRelation(String text, List<String> words, String speaker,
                                               EnglishStemmer stemmer) {
        if (words.isEmpty()) {
            return new String[] {null, null};
        }
        String self = speaker == null ? "i" : speaker.strip().toLowerCase(Locale.ROOT);
        int i;
        String subject;
        String first = words.get(0);
        if (first.equals("i")) {
            subject = self;
            i = 1;
        } else if (first.equals("my") || first.equals("our")) {
            return nounPhrase(self, words, 1, stemmer);
        } else if (OTHER_SUBJECT_PRONOUNS.contains(first)) {
            subject = first;
            i = 1;
        } else {
            // a name (capitalised words) or the first content word, after determiners
            int start = 0;
            while (start < words.size() && Set.of("the", "a", "an", "this", "that").contains(words.get(start))) {
                start++;
            }
            Set<String> capitalised = capitalisedWords(text);
            int end = start;
            while (end < words.size() && !words.get(end).equals("'s") && capitalised.contains(words.get(end))) {
                end++;
            }
            if (end == start) {
                end = Math.min(words.size(), start + 1);
            }
            subject = String.join(" ", words.subList(start, end));
            if (end < words.size() && words.get(end).equals("'s")) {
                return nounPhrase(subject, words, end + 1, stemmer);
            }
            i = end;
        }
        boolean copula = false;
        while (i < words.size() && AUXILIARIES.contains(words.get(i))) {
            copula |= Set.of("am", "is", "are", "was", "were", "be", "been").contains(words.get(i));
            i++;
        }
        if (i >= words.size()) {
            return new String[] {subject, copula ? "be" : null};
        }
        String head = words.get(i);
        if (PREPOSITIONS.contains(head) || Set.of("a", "an", "the", "so", "very", "really").contains(head)) {
            head = null;
        } else {
            i++;
        }
        String verb = copula ? "be" : head == null ? null : stem(stemmer, head);
        if (verb == null) {
            return new String[] {subject, null};
        }
        if (copula && head != null) {
            // "am based in", "am married to", "am called": the participle is the relation
            String participle = stem(stemmer, head);
            String key = "be|" + participle;
            return new String[] {subject, EXCLUSIVE_RELATIONS.getOrDefault(key, "be")};
        }
        if (i < words.size() && words.get(i).equals("up")) {
            i++;
        }
        String prep = i < words.size() && PREPOSITIONS.contains(words.get(i)) ? words.get(i) : null;
        String key = prep == null ? verb : verb + "|" + prep;
        String named = EXCLUSIVE_RELATIONS.get(key);
        if (named == null && prep != null) {
            named = EXCLUSIVE_RELATIONS.get(verb);
        }
        if (named == null && words.contains("years") && words.contains("old")) {
            named = "age";
        }
        if (named == null && Set.of("like", "love", "enjoy", "hate", "dislik", "prefer").contains(verb)) {
            named = "likes";
        }
        return new String[] {subject, named != null ? named : key};
    }

    /** "my favourite colour is ...": the relation is the noun phrase before the verb. */
    private static String[] nounPhrase(String subject, List<String> words, int from, EnglishStemmer stemmer) {
        List<String> nouns = new ArrayList<>();
        int i = from;
        while (i < words.size() && !AUXILIARIES.contains(words.get(i)) && nouns.size() < 4) {
            nouns.add(stem(stemmer, words.get(i)));
            i++;
        }
        if (nouns.isEmpty() || i >= words.size()) {
            return new String[] {subject, null};
        }
        return new String[] {subject, "np:" + String.join(" ", nouns)};
    }

    /** The words of {@code text} written with a capital, lower-cased. */
    private static Set<String> capitalisedWords(String text) {
        Set<String> out = new java.util.HashSet<>();
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            if (Character.isUpperCase(text.charAt(m.start()))) {
                String w = m.group().toLowerCase(Locale.ROOT).replace('\u2019', '\'');
                out.add(w.endsWith("'s") ? w.substring(0, w.length() - 2) : w);
            }
        }
        return out;
    }
}
