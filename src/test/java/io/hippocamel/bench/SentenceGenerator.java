package io.hippocamel.bench;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;

/**
 * Deterministic, distinct, memory-like English sentences of 15–25 words (the kind of facts an assistant remembers
 * about people, teams and projects), and questions about the same world that never equal a pool sentence. Templates
 * with varied vocabulary give BM25 and the embedder realistic, overlapping-but-different texts.
 */
final class SentenceGenerator {

    private static final String[] NAMES = {"Maria", "Daniel", "Aisha", "Kenji", "Sofia", "Liam", "Priya", "Mateo",
        "Chloe", "Omar", "Elena", "Noah", "Yuki", "Fatima", "Lucas", "Hannah", "Ravi", "Zoe", "Ibrahim", "Clara",
        "Jonas", "Mei", "Andre", "Nadia", "Tomas", "Grace", "Samuel", "Leila", "Victor", "Amara", "Felix", "Ingrid",
        "Diego", "Sara", "Hugo", "Anika", "Pablo", "Rosa", "Emil", "Tara"};
    private static final String[] RELATIONS = {"sister", "brother", "daughter", "son", "partner", "mother", "father",
        "best friend", "roommate", "manager", "cousin", "neighbour", "grandmother", "colleague", "mentor"};
    private static final String[] FOODS = {"peanuts", "shellfish", "gluten", "dairy", "eggs", "soy", "sesame",
        "strawberries", "kiwi", "tree nuts", "mustard", "celery", "garlic", "shrimp", "wheat"};
    private static final String[] DRINKS = {"oat milk flat white", "green tea", "double espresso", "chai latte",
        "sparkling water", "iced americano", "hot chocolate", "mint tea", "cold brew", "matcha latte", "rooibos tea",
        "cortado"};
    private static final String[] PLACES = {"the small cafe near the train station", "the bakery on Elm Street",
        "the rooftop bar downtown", "the office canteen", "the bookshop cafe by the river",
        "the food market on Saturdays", "the ramen place next to the gym", "the library coffee corner",
        "the airport lounge", "the bistro across from the museum", "the co-working space on Fifth Avenue",
        "the tea house in the old town", "the diner by the highway", "the park kiosk"};
    private static final String[] TIMES = {"on Monday mornings", "every Friday afternoon", "after the weekly standup",
        "before long flights", "during exam season", "on rainy weekends", "late in the evening",
        "right after lunch", "on the first day of each month", "whenever a release ships", "during the summer",
        "on Sunday evenings", "after yoga class", "before client meetings"};
    private static final String[] CITIES = {"Lisbon", "Kyoto", "Montreal", "Nairobi", "Buenos Aires", "Oslo",
        "Seoul", "Edinburgh", "Cape Town", "Vienna", "Hanoi", "Reykjavik", "Istanbul", "Melbourne", "Lima", "Prague",
        "Marrakesh", "Vancouver", "Krakow", "Singapore"};
    private static final String[] MONTHS = {"January", "February", "March", "April", "May", "June", "July",
        "August", "September", "October", "November", "December"};
    private static final String[] TRIP_PURPOSES = {"attend a photography workshop", "visit old university friends",
        "run the city marathon", "present at a data engineering conference", "celebrate a wedding anniversary",
        "learn to surf", "hike the coastal trails", "see the jazz festival", "meet a potential investor",
        "study the local architecture", "take a cooking class", "scout locations for a documentary"};
    private static final String[] STAY_CONSTRAINTS = {"quiet with a good desk", "close to the old harbour",
        "that allows dogs", "with a kitchen", "within walking distance of the venue", "with reliable wifi",
        "near the botanical garden", "under a hundred euros a night", "with a gym and a pool",
        "away from the nightlife"};
    private static final String[] TEAMS = {"platform", "payments", "mobile", "data science", "search",
        "security", "growth", "infrastructure", "design systems", "customer support", "billing", "analytics"};
    private static final String[] PROJECTS = {"checkout redesign", "database migration", "onboarding flow",
        "pricing experiment", "search relevance overhaul", "quarterly security audit", "mobile offline mode",
        "recommendation engine", "API rate limiter", "invoice export", "accessibility review", "log pipeline",
        "feature flag cleanup", "partner integration", "dark mode launch"};
    private static final String[] DEADLINES = {"the end of the quarter", "the board meeting", "the holiday freeze",
        "the next sprint review", "the product launch", "the audit in March", "the customer conference",
        "the summer break", "the September release"};
    private static final String[] PROBLEMS = {"fails under heavy load", "leaks memory after a few hours",
        "returns stale results", "times out on large accounts", "breaks on older phones",
        "double charges some customers", "drops events during deploys", "is too slow for the sales demo",
        "ignores the user's language settings", "logs personal data by mistake"};
    private static final String[] HOBBIES = {"restoring vintage bicycles", "baking sourdough bread",
        "playing the cello", "bouldering", "growing tomatoes on the balcony", "learning Portuguese",
        "birdwatching", "building mechanical keyboards", "writing short stories", "salsa dancing",
        "trail running", "collecting vinyl records", "painting watercolours", "playing chess online"};
    private static final String[] GIFTS = {"a fountain pen", "noise cancelling headphones", "a cast iron pan",
        "a signed first edition", "concert tickets", "a weekend spa voucher", "a star map print", "a bonsai tree",
        "a leather notebook", "a telescope", "a record player", "hiking boots"};
    private static final String[] EVENTS = {"birthday", "graduation", "housewarming party", "promotion",
        "retirement dinner", "engagement", "first marathon", "book launch"};
    private static final String[] DOCTOR_TOPICS = {"knee injury", "back pain", "migraine episodes",
        "sleep problems", "vitamin D levels", "blood pressure", "hay fever", "wrist strain"};
    private static final String[] ADVICE = {"stretch every morning", "cut down on caffeine",
        "walk for thirty minutes a day",
        "avoid screens before bed", "drink more water", "use an ergonomic chair", "take short breaks every hour",
        "keep a symptom diary"};
    private static final String[] TOOLS = {"Postgres", "Kafka", "Kubernetes", "Terraform", "React", "Figma",
        "Grafana", "Redis", "Airflow", "Elasticsearch", "Spark", "Jenkins"};
    private static final String[] PREFERENCES = {"prefers written updates over meetings",
        "likes code reviews before noon", "wants dashboards instead of spreadsheets",
        "asks for design documents before any estimate", "prefers pairing on difficult bugs",
        "keeps Wednesdays free of meetings", "wants every incident to get a short postmortem",
        "likes to demo features with real customer data"};
    private static final String[] BOOKS = {"a history of the Silk Road", "a novel about a lighthouse keeper",
        "a biography of Ada Lovelace", "a guide to Japanese woodworking", "a memoir about climbing Everest",
        "a thriller set in Stockholm", "an essay collection on urban design", "a field guide to mushrooms"};

    private final Random random;

    SentenceGenerator(long seed) {
        this.random = new Random(seed);
    }

    /** {@code n} distinct sentences, none of which is in {@code exclude}. */
    List<String> sentences(int n, Set<String> exclude) {
        return distinct(n, exclude, this::sentence);
    }

    /** {@code n} distinct questions about the same people, places and projects (never a pool sentence). */
    List<String> questions(int n) {
        return distinct(n, Set.of(), this::question);
    }

    private List<String> distinct(int n, Set<String> exclude, Function<Random, String> make) {
        Set<String> seen = new HashSet<>(exclude);
        List<String> out = new ArrayList<>(n);
        int attempts = 0;
        while (out.size() < n) {
            if (++attempts > n * 50 + 1000) {
                throw new IllegalStateException("vocabulary too small for " + n + " distinct texts");
            }
            String s = make.apply(random);
            if (seen.add(s)) {
                out.add(s);
            }
        }
        return out;
    }

    private String sentence(Random r) {
        String name = pick(r, NAMES);
        String other = pick(r, NAMES);
        return switch (r.nextInt(10)) {
            case 0 -> name + " mentioned that " + other + " usually orders a " + pick(r, DRINKS) + " at "
                    + pick(r, PLACES) + " " + pick(r, TIMES) + ".";
            case 1 -> "Remember that " + name + "'s " + pick(r, RELATIONS) + " is allergic to " + pick(r, FOODS)
                    + ", so always check the menu at " + pick(r, PLACES) + " first.";
            case 2 -> name + " is planning a trip to " + pick(r, CITIES) + " in " + pick(r, MONTHS) + " to "
                    + pick(r, TRIP_PURPOSES) + " and wants a place " + pick(r, STAY_CONSTRAINTS) + ".";
            case 3 -> "The " + pick(r, TEAMS) + " team agreed to finish the " + pick(r, PROJECTS) + " before "
                    + pick(r, DEADLINES) + " because " + name + " found it " + pick(r, PROBLEMS) + ".";
            case 4 -> name + " has recently taken up " + pick(r, HOBBIES) + " with " + other + " and practises "
                    + pick(r, TIMES) + " near " + pick(r, CITIES) + ".";
            case 5 -> "For " + name + "'s " + pick(r, EVENTS) + " in " + pick(r, MONTHS) + ", " + other
                    + " suggested giving " + pick(r, GIFTS) + " instead of " + pick(r, GIFTS) + ".";
            case 6 -> name + "'s doctor said the " + pick(r, DOCTOR_TOPICS) + " should improve if " + name
                    + " remembers to " + pick(r, ADVICE) + " " + pick(r, TIMES) + ".";
            case 7 -> "On the " + pick(r, PROJECTS) + ", " + name + " " + pick(r, PREFERENCES) + " and wants the "
                    + pick(r, TEAMS) + " team to use " + pick(r, TOOLS) + ".";
            case 8 -> name + " is reading " + pick(r, BOOKS) + " and promised to lend it to " + other + " "
                    + pick(r, TIMES) + " at " + pick(r, PLACES) + ".";
            default -> "After moving to " + pick(r, CITIES) + ", " + name + " started working with the "
                    + pick(r, TEAMS) + " team on the " + pick(r, PROJECTS) + " using " + pick(r, TOOLS) + ".";
        };
    }

    private String question(Random r) {
        String name = pick(r, NAMES);
        return switch (r.nextInt(12)) {
            case 0 -> "What does " + name + " usually drink at " + pick(r, PLACES) + "?";
            case 1 -> "Which of " + name + "'s relatives is allergic to " + pick(r, FOODS) + "?";
            case 2 -> "When is " + name + " travelling to " + pick(r, CITIES) + "?";
            case 3 -> "Which team did " + name + " join for the " + pick(r, PROJECTS) + "?";
            case 4 -> "What hobby did " + name + " pick up with " + pick(r, NAMES) + "?";
            case 5 -> "What gift should I get for " + name + "'s " + pick(r, EVENTS) + "?";
            case 6 -> "What did the doctor tell " + name + " about the " + pick(r, DOCTOR_TOPICS) + "?";
            case 7 -> "How does " + name + " like to work on the " + pick(r, PROJECTS) + "?";
            case 8 -> "Which book is " + name + " lending to " + pick(r, NAMES) + "?";
            case 9 -> "which project " + pick(r, PROBLEMS) + "?";
            case 10 -> "hotel in " + pick(r, CITIES) + " " + pick(r, STAY_CONSTRAINTS);
            default -> "who uses " + pick(r, TOOLS) + " in the " + pick(r, TEAMS) + " team";
        };
    }

    private static String pick(Random r, String[] options) {
        return options[r.nextInt(options.length)];
    }
}
