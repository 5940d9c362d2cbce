package io.hippocamel.memory.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The deterministic extractor, with no model: each informative sentence of user-authored text becomes a fact.
 *
 * <p>How it decides:
 * <ol>
 *   <li><b>What is user-authored</b>: a document's whole text; a conversation's turns except the assistant's, the
 *       system's and tools' (a role that is a speaker's name counts as a person, whose "I" is that name).</li>
 *   <li><b>Sentences</b>: {@link java.text.BreakIterator}, with blank lines, list items and headings as breaks.</li>
 *   <li><b>Informative</b>: 3 to 60 words, at least two content words that are not greetings, thanks, reactions or
 *       filler; not a question, not addressed to the other party ("You ..."), not an instruction ("Write ...",
 *       "Can you ..."). Leading "by the way", "remember that" and the like are dropped from the fact.</li>
 *   <li><b>Decision</b>, against the known memories and the facts already taken from the same input (words
 *       lower-cased, function words dropped, Snowball-stemmed):
 *       <b>DUPLICATE</b> when the content words overlap by {@value #DUPLICATE_SIMILARITY} (Jaccard) or the new
 *       sentence's are all in the old one, with the same polarity (a duplicate within one input is merged into the
 *       first fact's provenance);
 *       <b>UPDATES</b> when subject and predicate head match (the subject is "I"/the speaker, a name or the first
 *       noun; the head is the verb and its preposition, e.g. "live in", "moved to" both mean residence, or the noun
 *       phrase of "my X is" / "Alex's X is") and either the relation holds one value at a time (residence,
 *       employer, origin, spouse, name, age, "favourite ...", "my job is"...) and the old value is not repeated,
 *       or the polarity flips ("I like coffee" then "I don't like coffee anymore");
 *       <b>EXTENDS</b> when the new sentence repeats at least {@value #EXTENDS_COVERAGE} of an old one's content
 *       words (two or more) and adds some; otherwise <b>NEW</b>.</li>
 *   <li><b>Static or dynamic</b>: dynamic when the sentence has a time cue (today, yesterday, this week, a date,
 *       "working on", "going to", a past-tense event "I went..."); otherwise static when it has a trait cue
 *       (always, usually, never, favourite, like/love/hate/prefer, name, "I am a", "work as", "live in", "my X
 *       is"...); otherwise dynamic. The time phrase, when there is one, is the fact's temporal context.</li>
 * </ol>
 *
 * <p>Limits: English only; word lists, not a parser, so it misses paraphrases ("Alex works at Google" is not
 * updated by "Alex just joined Stripe" unless the verbs map to one relation), does not resolve pronouns ("she", "it")
 * or relative dates, keeps the speaker's words ("I ...") instead of rewriting them in the third person, and takes
 * opinions and small talk that pass the filters as facts. Stateless and thread-safe.
 */
public final class BuiltInExtractor implements Extractor {

    static final double DUPLICATE_SIMILARITY = 0.8;
    static final double EXTENDS_COVERAGE = 0.8;
    /** Overlap a statement of opposite polarity needs with an old one to contradict it. */
    static final double CONTRADICTION_SIMILARITY = 0.4;
    static final int MIN_WORDS = 3;
    static final int MAX_WORDS = 60;
    static final int MAX_CHARS = 500;
    private static final Set<String> PLAIN_USER_ROLES = Set.of("user", "human", "me", "customer");

    @Override
    public ExtractionResult extract(ExtractionInput input) {
        List<Known> known = new ArrayList<>(input.known().size());
        for (KnownMemory memory : input.known()) {
            known.add(new Known(memory, Statement.of(memory.content(), null)));
        }
        List<Taken> taken = new ArrayList<>();
        if (input.kind() == ExtractionInput.Kind.DOCUMENT) {
            read(input.text(), -1, null, known, taken);
        } else {
            for (ExtractionInput.Turn turn : input.turns()) {
                if (turn.userAuthored()) {
                    String role = turn.role().strip().toLowerCase(Locale.ROOT);
                    read(turn.content(), turn.index(), PLAIN_USER_ROLES.contains(role) ? null : turn.role(), known,
                            taken);
                }
            }
        }
        List<ExtractedFact> facts = new ArrayList<>(taken.size());
        for (Taken t : taken) {
            facts.add(t.fact());
        }
        return new ExtractionResult(facts, ExtractionResult.Producer.BUILT_IN, null);
    }

    private record Known(KnownMemory memory, Statement statement) {
    }

    /** A fact taken from this input so far, with its statement (to merge later duplicates into it). */
    private static final class Taken {
        private final Statement statement;
        private ExtractedFact fact;

        Taken(Statement statement, ExtractedFact fact) {
            this.statement = statement;
            this.fact = fact;
        }

        ExtractedFact fact() {
            return fact;
        }

        void addSource(Provenance more) {
            fact = new ExtractedFact(fact.content(), fact.isStatic(), fact.decision(), fact.targetId(),
                    fact.temporalContext(), fact.provenance().merge(more));
        }
    }

    private static void read(String text, int turn, String speaker, List<Known> known, List<Taken> taken) {
        for (SentenceSplitter.Sentence sentence : SentenceSplitter.split(text)) {
            if (sentence.text().length() > MAX_CHARS) {
                continue;
            }
            Statement statement = Statement.of(sentence.text(), speaker);
            if (!informative(statement)) {
                continue;
            }
            Provenance provenance = new Provenance(turn >= 0 ? List.of(turn) : List.of(),
                    List.of(new Provenance.Span(turn, sentence.start(), sentence.end())));
            Taken same = taken.stream().filter(t -> duplicate(statement, t.statement)).findFirst().orElse(null);
            if (same != null) {
                same.addSource(provenance);
                continue;
            }
            taken.add(new Taken(statement, decide(statement, known, provenance)));
        }
    }

    static boolean informative(Statement s) {
        int words = s.words().size();
        return !s.question() && !s.addressedToOther() && !s.instruction() && words >= MIN_WORDS
                && words <= MAX_WORDS && s.informativeWords() >= 2;
    }

    private static ExtractedFact decide(Statement s, List<Known> known, Provenance provenance) {
        Known duplicateOf = null;
        Known updates = null;
        Known extendsOf = null;
        double bestDuplicate = -1;
        double bestUpdate = -1;
        double bestExtend = -1;
        for (Known k : known) {
            Statement old = k.statement();
            double similarity = s.similarity(old);
            if (duplicate(s, old)) {
                if (similarity > bestDuplicate) {
                    bestDuplicate = similarity;
                    duplicateOf = k;
                }
                continue;
            }
            if (s.sameRelation(old) && (contradicts(s, old, similarity) || replacesValue(s, old))) {
                if (similarity > bestUpdate) {
                    bestUpdate = similarity;
                    updates = k;
                }
                continue;
            }
            double coverage = s.covers(old);
            if (s.negated() == old.negated() && old.content().size() >= 2 && coverage >= EXTENDS_COVERAGE
                    && s.content().size() > old.content().size() && coverage + similarity > bestExtend) {
                bestExtend = coverage + similarity;
                extendsOf = k;
            }
        }
        Decision decision = duplicateOf != null ? Decision.DUPLICATE : updates != null ? Decision.UPDATES
                : extendsOf != null ? Decision.EXTENDS : Decision.NEW;
        Known target = duplicateOf != null ? duplicateOf : updates != null ? updates : extendsOf;
        return new ExtractedFact(capitalise(s.text()), s.isStatic(), decision,
                target == null ? null : target.memory().id(), s.temporalContext(), provenance);
    }

    private static boolean duplicate(Statement s, Statement old) {
        if (s.negated() != old.negated()) {
            return false;
        }
        return s.similarity(old) >= DUPLICATE_SIMILARITY || (s.content().size() >= 2 && old.covers(s) >= 1.0);
    }

    private static boolean contradicts(Statement s, Statement old, double similarity) {
        return s.negated() != old.negated() && similarity >= CONTRADICTION_SIMILARITY;
    }

    /** A single-valued relation with a new value: the old statement's words are not all repeated. */
    private static boolean replacesValue(Statement s, Statement old) {
        return s.exclusive() && s.negated() == old.negated() && s.covers(old) < EXTENDS_COVERAGE;
    }

    private static String capitalise(String text) {
        return text.isEmpty() || Character.isUpperCase(text.charAt(0)) ? text
                : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
