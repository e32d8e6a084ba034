package dev.apigw.security.validate.signature;

/**
 * One category's signatures over one piece of text. Implementations are stateless and must run in time linear in
 * the text's length: a constant number of passes, bounded look-ahead, no backtracking.
 */
interface Detector {

    /** The category this detector reports. */
    Category category();

    /** Whether the text, already decoded, carries this category's attack. */
    boolean matches(String text, Slot slot);
}
