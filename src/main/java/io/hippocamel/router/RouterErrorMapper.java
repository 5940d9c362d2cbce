package io.hippocamel.router;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.hc.core5.http.ConnectionRequestTimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Router errors of its own (401, 403, 400), an upstream that could not be reached (502) or did not answer in time
 * (504), as JSON with a human message (exception classes and texts go to the log only); everything the upstream
 * itself answers passes through untouched instead.
 */
public class RouterErrorMapper implements Processor {

    private static final Logger LOG = LoggerFactory.getLogger(RouterErrorMapper.class);

    private final ObjectMapper json;

    public RouterErrorMapper(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        Throwable e = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        int status;
        String error;
        String details;
        if (e instanceof RouterException r) {
            status = r.status();
            error = switch (status) {
                case 401 -> "Unauthorized";
                case 403 -> "Forbidden";
                case 404 -> "Not found";
                default -> "Invalid request";
            };
            details = r.getMessage();
        } else if (isTimeout(e)) {
            status = 504;
            error = "Upstream timeout";
            details = "the upstream did not answer in time";
            LOG.warn("router upstream timed out: {}", String.valueOf(e));
        } else if (isIo(e)) {
            status = 502;
            error = "Upstream unreachable";
            details = unreachable(e);
            // the exception text (addresses, internal classes) goes to the log only, never to the client
            LOG.warn("router could not reach the upstream: {}", String.valueOf(e));
        } else {
            status = 500;
            error = "Internal error";
            details = "the router could not handle the request; the server log has the cause";
            LOG.error("router failed", e);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", error);
        body.put("details", details);
        Message m = exchange.getMessage();
        m.removeHeaders("*");
        m.setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        m.setHeader(Exchange.CONTENT_TYPE, "application/json");
        m.setBody(json.writeValueAsBytes(body));
    }

    private static boolean isTimeout(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SocketTimeoutException || t instanceof HttpTimeoutException
                    || t instanceof ConnectionRequestTimeoutException) {
                return true;
            }
            if (t instanceof ConnectException || t instanceof UnknownHostException) {
                return false;
            }
        }
        return false;
    }

    private static boolean isIo(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof IOException) {
                return true;
            }
        }
        return false;
    }

    private static String unreachable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof UnknownHostException) {
                return "the upstream host name could not be resolved";
            }
            if (t instanceof ConnectException) {
                return "the upstream refused the connection";
            }
        }
        return "the connection to the upstream failed";
    }
}
