package dev.apigw.security.validate.signature;

import java.util.Set;

/**
 * Windows {@code cmd.exe} control lines that no ordinary value contains: {@code FOR [/F ...] %x IN (...)} and
 * {@code IF [/I] [NOT] EXIST|DEFINED|ERRORLEVEL ...} or {@code IF a==b} / {@code IF a EQU b}. Each occurrence of
 * {@code for} or {@code if} is read at most {@link #LOOK_AHEAD} characters ahead.
 */
final class WindowsBatch {

    private static final int LOOK_AHEAD = 160;
    private static final Set<String> CONDITIONS = Set.of("exist", "defined", "errorlevel", "cmdextversion");
    private static final Set<String> COMPARISONS = Set.of("equ", "neq", "lss", "leq", "gtr", "geq");

    private WindowsBatch() {
    }

    /** Whether the lower-case text holds a batch {@code FOR} or {@code IF} line. */
    static boolean matches(String s) {
        for (int i = 0; i + 2 < s.length(); i++) {
            if (i > 0 && Character.isLetterOrDigit(s.charAt(i - 1))) {
                continue;
            }
            if (s.startsWith("for", i) && blank(s, i + 3) && forLoop(s, i + 3)) {
                return true;
            }
            if (s.startsWith("if", i) && (blank(s, i + 2) || s.startsWith("/i", i + 2)) && ifLine(s, i + 2)) {
                return true;
            }
        }
        return false;
    }

    /** After {@code for}: options, then {@code %x} or {@code %%x}, then {@code in (}. */
    private static boolean forLoop(String s, int i) {
        int limit = Math.min(s.length(), i + LOOK_AHEAD);
        int percent = -1;
        for (int k = i; k < limit && percent < 0; k++) {
            percent = s.charAt(k) == '%' ? k : -1;
        }
        if (percent < 0 || !blank(s, percent - 1)) {
            return false;
        }
        int variable = percent + (MarkupScanner.at(s, percent + 1) == '%' ? 2 : 1);
        int k = variable;
        while (k < s.length() && k - variable < 32 && !Character.isWhitespace(s.charAt(k))) {
            k++;
        }
        if (k == variable) {
            return false;
        }
        k = skipBlanks(s, k);
        if (!s.startsWith("in", k)) {
            return false;
        }
        return MarkupScanner.at(s, skipBlanks(s, k + 2)) == '(';
    }

    /** After {@code if}: {@code /i}, {@code not}, then a condition word or an operand compared with another. */
    private static boolean ifLine(String s, int i) {
        int k = skipBlanks(s, i);
        boolean caseFlag = s.startsWith("/i", k) && blank(s, k + 2);
        if (caseFlag) {
            k = skipBlanks(s, k + 2);
        }
        if (s.startsWith("not", k) && blank(s, k + 3)) {
            k = skipBlanks(s, k + 3);
        }
        int end = wordEnd(s, k);
        if (CONDITIONS.contains(s.substring(k, end)) && blank(s, end)) {
            return true;
        }
        int operandEnd = operandEnd(s, k);
        if (operandEnd <= k) {
            return false;
        }
        int op = skipBlanks(s, operandEnd);
        if (s.startsWith("==", op)) {
            boolean glued = op == operandEnd && !blank(s, op + 2);
            return caseFlag || glued || batchOperand(s, k, operandEnd)
                    || commandFollows(s, operandEnd(s, skipBlanks(s, op + 2)));
        }
        int opEnd = wordEnd(s, op);
        return COMPARISONS.contains(s.substring(op, opEnd)) && blank(s, opEnd);
    }

    /** {@code "%1"}, {@code [%1]}, {@code (x)}, {@code %var%}: operands only batch files write. */
    private static boolean batchOperand(String s, int from, int to) {
        char first = MarkupScanner.at(s, from);
        return first == '"' || first == '[' || first == '(' || s.substring(from, Math.max(from, to)).indexOf('%') >= 0;
    }

    /** {@code IF a==a echo x}: a command right after the comparison. */
    private static boolean commandFollows(String s, int end) {
        if (end < 0) {
            return false;
        }
        int start = skipBlanks(s, end);
        int stop = start;
        while (stop < s.length() && stop - start < 16 && Character.isLetter(s.charAt(stop))) {
            stop++;
        }
        return stop > start && ShellLexicon.COMMANDS.contains(s.substring(start, stop));
    }

    /** A quoted string, a bracketed or parenthesised token, a {@code %var%} or a word. */
    private static int operandEnd(String s, int k) {
        char open = MarkupScanner.at(s, k);
        char close = open == '"' ? '"' : open == '[' ? ']' : open == '(' ? ')' : 0;
        int limit = Math.min(s.length(), k + LOOK_AHEAD);
        if (close != 0) {
            for (int j = k + 1; j < limit; j++) {
                if (s.charAt(j) == close) {
                    return j + 1;
                }
            }
            return -1;
        }
        int j = k;
        while (j < limit && !Character.isWhitespace(s.charAt(j)) && s.charAt(j) != '=') {
            j++;
        }
        return j;
    }

    private static int wordEnd(String s, int k) {
        int limit = Math.min(s.length(), k + 16);
        while (k < limit && Character.isLetter(s.charAt(k))) {
            k++;
        }
        return k;
    }

    private static int skipBlanks(String s, int k) {
        int limit = Math.min(s.length(), k + LOOK_AHEAD);
        while (k < limit && (s.charAt(k) == ' ' || s.charAt(k) == '\t')) {
            k++;
        }
        return k;
    }

    private static boolean blank(String s, int k) {
        return k >= 0 && k < s.length() && (s.charAt(k) == ' ' || s.charAt(k) == '\t');
    }
}
