package dev.apigw.security.validate;

import java.util.function.Supplier;

/**
 * How many characters the schema patterns may still read. {@code java.util.regex} backtracks, and a pattern such as
 * {@code ^(.*a){15}$} takes polynomial or exponential time on a hostile value (ReDoS); counting every character the
 * matcher reads, and stopping at the budget, bounds the work whatever the patterns and the input.
 *
 * <p>One match may read {@link #PER_MATCH_BASE} plus {@link #PER_MATCH_PER_CHAR} per character of its value (honest
 * patterns read a few times the value's length); all the matches of one validation together
 * {@link #PER_VALIDATION}, a few hundred milliseconds at worst. A validation runs inside {@link #run}; a match outside
 * any run has only its own budget, and simply does not match when it runs out.
 */
final class RegexBudget {

    static final long PER_VALIDATION = 5_000_000;
    static final long PER_MATCH_BASE = 100_000;
    static final long PER_MATCH_PER_CHAR = 100;

    private static final ThreadLocal<RegexBudget> CURRENT = new ThreadLocal<>();

    private long left;

    private RegexBudget(long left) {
        this.left = left;
    }

    private boolean exhausted;

    /**
     * Runs a validation with a fresh budget for its patterns; its result stands only if no pattern ran out, else
     * {@code ifExhausted} is returned. A pattern that runs out simply does not match, so that the validator neither
     * logs it nor, under {@code not}, turns it into a pass: the whole validation is discarded instead.
     */
    static <T> T run(Supplier<T> validation, T ifExhausted) {
        RegexBudget previous = CURRENT.get();
        RegexBudget budget = new RegexBudget(PER_VALIDATION);
        CURRENT.set(budget);
        try {
            T result = validation.get();
            return budget.exhausted ? ifExhausted : result;
        } finally {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        }
    }

    /** The reads one match of a value of {@code length} characters may make. */
    static Match forMatch(int length) {
        RegexBudget run = CURRENT.get();
        return new Match(run, PER_MATCH_BASE + PER_MATCH_PER_CHAR * length);
    }

    /** The budget of one match, drawn from the validation's where there is one. */
    static final class Match {
        private final RegexBudget run;
        private long left;

        private Match(RegexBudget run, long left) {
            this.run = run;
            this.left = left;
        }

        /** Spends one character read; throws {@link Exhausted} when the match or the validation runs out. */
        void spend() {
            if (--left < 0 || (run != null && --run.left < 0)) {
                throw new Exhausted();
            }
        }

        /** Records that this match ran out, which voids the validation it belongs to. */
        void exhausted() {
            if (run != null) {
                run.exhausted = true;
            }
        }
    }

    /** Thrown inside the matcher to stop it; never leaves {@link BoundedRegularExpressionFactory}. */
    static final class Exhausted extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Exhausted() {
            super("regular expression budget exhausted", null, false, false);
        }
    }
}
