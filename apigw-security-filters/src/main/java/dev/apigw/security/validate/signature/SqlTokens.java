package dev.apigw.security.validate.signature;

import java.util.Arrays;
import java.util.Locale;

/**
 * The tokens of one value as {@link SqlTokenizer} read them, with the look-ups the SQL rules need. Out-of-range
 * indexes read as "no token", so rules can look ahead without bounds checks.
 */
final class SqlTokens {

    private final String text;
    private SqlKind[] kinds = new SqlKind[16];
    private int[] starts = new int[16];
    private int[] ends = new int[16];
    private String[] words = new String[16];
    private boolean[] closed = new boolean[16];
    private int[] flags = new int[16];
    private int size;

    SqlTokens(String text) {
        this.text = text;
    }

    void add(SqlKind kind, int start, int end, boolean closedString) {
        if (size == kinds.length) {
            int n = size * 2;
            kinds = Arrays.copyOf(kinds, n);
            starts = Arrays.copyOf(starts, n);
            ends = Arrays.copyOf(ends, n);
            words = Arrays.copyOf(words, n);
            closed = Arrays.copyOf(closed, n);
            flags = Arrays.copyOf(flags, n);
        }
        kinds[size] = kind;
        starts[size] = start;
        ends[size] = end;
        words[size] = kind == SqlKind.WORD ? text.substring(start, end).toLowerCase(Locale.ROOT) : "";
        closed[size] = closedString;
        flags[size] = kind == SqlKind.WORD ? SqlLexicon.flags(words[size]) : 0;
        size++;
    }

    /** Marks a trailing unclosed literal of the context's quote as closed: the query around it closes it. */
    void closeTrailingString(char quote) {
        int last = size - 1;
        if (quote != 0 && last > 0 && kinds[last] == SqlKind.STRING && !closed[last]
                && text.charAt(starts[last]) == quote) {
            closed[last] = true;
        }
    }

    int size() {
        return size;
    }

    SqlKind kind(int i) {
        return i >= 0 && i < size ? kinds[i] : null;
    }

    boolean is(int i, SqlKind kind) {
        return kind(i) == kind;
    }

    /** The lower-case word, or the empty string where token {@code i} is not a word. */
    String word(int i) {
        return i >= 0 && i < size ? words[i] : "";
    }

    boolean isWord(int i, String lowerCase) {
        return lowerCase.equals(word(i));
    }

    /** The token's text as written. */
    String text(int i) {
        return i >= 0 && i < size ? text.substring(starts[i], ends[i]) : "";
    }

    boolean isOperator(int i, String op) {
        return is(i, SqlKind.OPERATOR) && ends[i] - starts[i] == op.length() && text.startsWith(op, starts[i]);
    }

    /** Whether a string token found its closing quote. */
    boolean closed(int i) {
        return i >= 0 && i < size && closed[i];
    }

    /** The character just after token {@code i}, or 0 at the end. */
    char charAfter(int i) {
        int end = ends[i];
        return end < text.length() ? text.charAt(end) : 0;
    }

    /** Whether tokens {@code i} and {@code i + 1} are separated by nothing at all. */
    boolean touching(int i) {
        return i + 1 < size && ends[i] == starts[i + 1];
    }

    /** The next token at or after {@code i} that is not a comment. */
    int skipComments(int i) {
        while (i < size && (kinds[i] == SqlKind.COMMENT || kinds[i] == SqlKind.EXEC_COMMENT)) {
            i++;
        }
        return i;
    }

    /** Whether token {@code i} is on the lists given by the {@link SqlLexicon} bits. */
    boolean has(int i, int flag) {
        return i >= 0 && i < size && (flags[i] & flag) != 0;
    }

    /** Whether token {@code i} is a known function name followed, perhaps after comments, by {@code (}. */
    boolean isCall(int i) {
        return has(i, SqlLexicon.FUNCTION) && is(skipComments(i + 1), SqlKind.LPAREN);
    }

    /** Whether token {@code i} is a word that English uses too: not SQL-only, not a call, not a system name. */
    boolean isSoftWord(int i) {
        return is(i, SqlKind.WORD) && !has(i, SqlLexicon.HARD_WORD | SqlLexicon.SYSTEM) && !isCall(i);
    }

    /**
     * Whether the value reads as language rather than code: two soft words side by side ("information_schema is a
     * database term" has "is a"; "union select col from t" has none).
     */
    boolean hasProse() {
        return softRun(2) || quotedProse();
    }

    /** Whether {@code words} soft words stand side by side somewhere. */
    boolean softRun(int words) {
        int run = 0;
        for (int i = 0; i < size; i++) {
            run = isSoftWord(i) ? run + 1 : 0;
            if (run >= words) {
                return true;
            }
        }
        return false;
    }

    /** Three soft words in a row inside a literal: a quoted sentence ({@code Drop "use SBI when available"}). */
    private boolean quotedProse() {
        for (int i = 0; i < size; i++) {
            if (kinds[i] == SqlKind.STRING && ends[i] - starts[i] > 2
                    && SqlTokenizer.tokenize(text.substring(starts[i] + 1, ends[i] - 1), (char) 0).softRun(3)) {
                return true;
            }
        }
        return false;
    }
}
