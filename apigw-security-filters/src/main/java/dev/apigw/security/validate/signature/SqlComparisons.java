package dev.apigw.security.validate.signature;

import static dev.apigw.security.validate.signature.SqlKind.COMMENT;
import static dev.apigw.security.validate.signature.SqlKind.LPAREN;
import static dev.apigw.security.validate.signature.SqlKind.NUMBER;
import static dev.apigw.security.validate.signature.SqlKind.OPERATOR;
import static dev.apigw.security.validate.signature.SqlKind.STRING;
import static dev.apigw.security.validate.signature.SqlKind.WORD;

/**
 * Rules about comparisons: what counts as a logical or comparison operator, tautologies after {@code OR} and
 * {@code AND}, and literals compared so that the answer is constant. Each looks a bounded number of tokens ahead.
 */
final class SqlComparisons {

    private SqlComparisons() {
    }

    /** Whether token {@code i} is a logical operator: a word or {@code ||} / {@code &&}. */
    static boolean isLogic(SqlTokens t, int i) {
        String w = t.word(i);
        return (!w.isEmpty() && !"not".equals(w) && SqlLexicon.LOGIC.contains(w))
                || t.isOperator(i, "||") || t.isOperator(i, "&&");
    }

    /** Whether token {@code i} compares: {@code =}, {@code <>}, {@code LIKE}, JSON containment... */
    static boolean isComparison(SqlTokens t, int i) {
        String w = t.word(i);
        if (!w.isEmpty()) {
            return SqlLexicon.COMPARISONS.contains(w);
        }
        return t.is(i, OPERATOR) && SqlLexicon.COMPARISONS.contains(t.text(i));
    }

    /** {@code =}, {@code <}, {@code <>}, {@code <=}...: the comparison operators, not arithmetic or bitwise ones. */
    static boolean isStrictComparison(SqlTokens t, int i) {
        String op = t.text(i);
        return t.is(i, OPERATOR) && (op.equals("=") || op.equals("==") || op.equals("!=") || op.equals("<>")
                || op.equals("<") || op.equals(">") || op.equals("<=") || op.equals(">=") || op.equals("<=>"));
    }

    /**
     * {@code OR 1=1}, {@code AND 'a'='a'}, {@code OR x=x}, {@code AND sleep(5)}, {@code OR (SELECT ...)}: a logical
     * operator followed by a comparison that starts with a literal, compares a name with itself, or is cut off where
     * the query goes on ({@code AND name = '}, {@code XOR 2 <}). A filter such as "and rating >= 4" is not one.
     */
    static boolean tautologyAt(SqlTokens t, int logic) {
        int j = t.skipComments(logic + 1);
        if (t.isWord(j, "not")) {
            j = t.skipComments(j + 1);
        }
        while (t.is(j, LPAREN) && j < logic + SqlExpressions.LOOK_AHEAD) {
            j = t.skipComments(j + 1);
        }
        if (SqlExpressions.isDangerousCall(t, j) || (t.isWord(j, "select") && SqlSelects.selectAt(t, j))
                || t.isWord(j, "exists")
                || (t.is(j, LPAREN) && t.isWord(t.skipComments(j + 1), "select"))) {
            return true;
        }
        int end = SqlExpressions.operandEnd(t, j);
        if (end < 0) {
            return false;
        }
        if (t.is(end, COMMENT) && literal(t, j)) {
            return true;
        }
        int cmp = t.skipComments(end);
        if (!isComparison(t, cmp) || (t.is(cmp, OPERATOR) && !isStrictComparison(t, cmp) && !isJsonOperator(t, cmp))) {
            return false;
        }
        int right = t.skipComments(cmp + 1);
        if (t.isWord(right, "not")) {
            right = t.skipComments(right + 1);
        }
        boolean cutOff = right == t.size() - 1 && t.is(right, STRING) && !t.closed(right);
        if (t.is(right, LPAREN) || cutOff || (right >= t.size() && literal(t, j))) {
            return true;
        }
        int rightEnd = SqlExpressions.operandEnd(t, right);
        return rightEnd >= 0 && (literal(t, j) || (t.is(j, WORD) && t.word(j).equals(t.word(right))));
    }

    /**
     * {@code 1=1}, {@code 'a'='a'}, {@code 42<=>42}, {@code 11!=1}, {@code 1 is not 2}: two literals compared so
     * that the answer is always true. "3 - 2 = 1" is not one.
     */
    static boolean identityAt(SqlTokens t, int left) {
        int cmp = left + 1;
        boolean not = t.isWord(cmp, "is") && t.isWord(cmp + 1, "not");
        int right = not ? cmp + 2 : cmp + 1;
        if (!isLiteral(t, left) || !isLiteral(t, right) || t.isOperator(left - 1, "-") || t.is(left - 1, OPERATOR)
                || t.is(right + 1, OPERATOR)) {
            return false;
        }
        boolean same = unquoted(t, left).equals(unquoted(t, right));
        String op = t.is(cmp, WORD) ? t.word(cmp) : t.text(cmp);
        return switch (op) {
            case "=", "==", "<=>", "like" -> same;
            case "!=", "<>" -> !same;
            case "is" -> not && !same;
            default -> false;
        };
    }

    private static boolean isLiteral(SqlTokens t, int i) {
        return t.is(i, NUMBER) || (t.is(i, STRING) && t.closed(i));
    }

    private static String unquoted(SqlTokens t, int i) {
        String text = t.text(i);
        if (!t.is(i, STRING) || text.isEmpty()) {
            return text;
        }
        boolean closing = text.length() >= 2 && text.charAt(text.length() - 1) == text.charAt(0);
        return text.substring(1, closing ? text.length() - 1 : text.length());
    }

    private static boolean literal(SqlTokens t, int i) {
        SqlKind k = t.kind(i);
        return k == NUMBER || k == STRING || k == OPERATOR || (k == WORD && t.isCall(i));
    }

    static boolean isJsonOperator(SqlTokens t, int i) {
        String op = t.text(i);
        return t.is(i, OPERATOR) && !"-".equals(op) && (op.startsWith("@") || op.startsWith("<@")
                || op.startsWith("->") || op.startsWith("#") || op.startsWith("?"));
    }
}
