package io.hippocamel.api;

import io.hippocamel.tenancy.ApiKeys;
import io.hippocamel.HippocamelConstants;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/** First step of every API route: resolves the Bearer key to a tenant, or answers 401. */
public class Authenticator implements Processor {

    private static final String BEARER = "bearer ";

    private final ApiKeys keys;

    public Authenticator(ApiKeys keys) {
        this.keys = keys;
    }

    @Override
    public void process(Exchange exchange) {
        String header = exchange.getMessage().getHeader(HippocamelConstants.AUTHORIZATION, String.class);
        String tenant = keys.tenantFor(bearerToken(header)).orElseThrow(() -> new ApiException(401, "Unauthorized",
                missingKeyDetails(header)));
        exchange.setProperty(HippocamelConstants.TENANT, tenant);
        // the key has done its job; it must not travel further with the message
        exchange.getMessage().removeHeader(HippocamelConstants.AUTHORIZATION);
    }

    /** The key of an {@code Authorization: Bearer <key>} header, or null. */
    static String bearerToken(String header) {
        return header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length())
                ? header.substring(BEARER.length()) : null;
    }

    static String missingKeyDetails(String header) {
        return header == null ? "Missing Authorization: Bearer <api key> header" : "Invalid API key";
    }
}
