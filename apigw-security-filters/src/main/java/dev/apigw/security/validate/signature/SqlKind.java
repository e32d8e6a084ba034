package dev.apigw.security.validate.signature;

/** The kinds of token {@link SqlTokenizer} produces. */
enum SqlKind {
    STRING, NUMBER, WORD, VARIABLE, OPERATOR, LPAREN, RPAREN, COMMA, SEMICOLON, DOT,
    /** {@code --}, {@code #} or a block comment. */
    COMMENT,
    /** MySQL's executable comment {@code /*!}: what follows is run, not ignored. */
    EXEC_COMMENT,
    OTHER
}
