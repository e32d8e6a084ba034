package dev.apigw.security.validate;

import com.networknt.schema.regex.RegularExpression;
import com.networknt.schema.regex.RegularExpressionFactory;
import com.networknt.schema.regex.RegularExpressions;

import java.util.regex.Pattern;

/**
 * The regular expressions of the JSON Schema validator ({@code pattern}, {@code patternProperties}): the JDK engine,
 * with the validator's own translation of ECMA-262 anchors and character properties, reading its input through a
 * {@link RegexBudget} so that no pattern can backtrack without bound (ReDoS).
 *
 * <p>Used for body schemas and parameter rules alike. A pattern that does not compile stops start-up.
 */
final class BoundedRegularExpressionFactory implements RegularExpressionFactory {

    static final BoundedRegularExpressionFactory INSTANCE = new BoundedRegularExpressionFactory();

    private BoundedRegularExpressionFactory() {
    }

    @Override
    public RegularExpression getRegularExpression(String regex) {
        Pattern pattern = Pattern.compile(RegularExpressions.replaceLongformCharacterProperties(
                RegularExpressions.replaceDollarAnchors(regex)));
        // JSON Schema patterns are not anchored (JSON Schema 2020-12 validation §6.3.3): find, not matches.
        return value -> find(pattern, value);
    }

    private static boolean find(Pattern pattern, String value) {
        RegexBudget.Match budget = RegexBudget.forMatch(value.length());
        try {
            return pattern.matcher(new BudgetedText(value, budget)).find();
        } catch (RegexBudget.Exhausted | StackOverflowError e) {
            // The JDK engine also recurses per repetition: a long value can exhaust the stack, which has unwound by
            // the time it is caught here, and counts as an exhausted budget.
            budget.exhausted();
            return false;
        }
    }

    /** A string that charges the budget for every character the matcher reads. */
    private record BudgetedText(String text, RegexBudget.Match budget) implements CharSequence {
        @Override
        public int length() {
            return text.length();
        }

        @Override
        public char charAt(int index) {
            budget.spend();
            return text.charAt(index);
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return new BudgetedText(text.substring(start, end), budget);
        }

        @Override
        public String toString() {
            return text;
        }
    }
}
