package io.hippocamel.router;

import io.hippocamel.HippocamelConstants;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** When any memory step fails, the original request goes upstream unmodified and the reason is reported. */
public class FailOpen {

    private static final Logger LOG = LoggerFactory.getLogger(FailOpen.class);

    public ChatCall recover(@ExchangeProperty(HippocamelConstants.ROUTER_CALL) ChatCall original,
                            @ExchangeProperty(Exchange.EXCEPTION_CAUGHT) Exception cause) {
        String reason = "memory unavailable: " + (cause.getMessage() == null ? cause.getClass().getSimpleName()
                : cause.getMessage());
        LOG.warn("router forwards conversation {} without memory: {}", original.conversationId(), reason);
        return original.failedOpen(reason.replaceAll("[\\r\\n]+", " "));
    }
}
