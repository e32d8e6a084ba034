package dev.apigw.security.auth.authorizer;

import dev.apigw.security.CustomAuthorizer;

/** A plugin listed in the test's {@code META-INF/services}, beside an entry for a class that does not exist. */
public final class ServiceProvidedAuthorizer implements CustomAuthorizer {

    @Override
    public Answer authorize(Request request) {
        return Answer.deny();
    }
}
